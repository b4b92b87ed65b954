import ArgumentParser
import GlueCore
import GlueStorage

/// `localglue s3api list-buckets`. Mirrors S3 `ListBuckets`.
struct ListBuckets: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-buckets", abstract: "List the buckets (S3 ListBuckets).")

    @OptionGroup var global: GlobalOptions

    struct Bucket: Encodable {
        var Name: String
        var CreationDate: String
    }

    struct Owner: Encodable { var ID: String }

    struct Output: Encodable {
        var Buckets: [Bucket]
        var Owner: Owner
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let buckets = try lake.s3ObjectStore().listBuckets()
        try OutputPrinter(format: global.output).print(
            Output(
                Buckets: buckets.map { Bucket(Name: $0.name.rawValue, CreationDate: S3Output.timestamp($0.creationDate)) },
                Owner: Owner(ID: lake.configuration.accountID.rawValue)))
    }
}
