import ArgumentParser
import GlueCore
import GlueStorage

/// `localglue s3api create-bucket`. Mirrors S3 `CreateBucket`.
struct CreateBucket: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-bucket", abstract: "Create a bucket (S3 CreateBucket).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    @Option(name: .customLong("create-bucket-configuration"), help: "Accepted for compatibility (the location constraint).")
    var createBucketConfiguration: String?

    @Option(name: .customLong("account-id"), help: "The owner account (cross-account scenarios); default the lake's.")
    var accountID: String?

    @Option(help: "Mount an existing folder as the bucket (LocalGlue extension).")
    var path: String?

    struct Output: Encodable { var Location: String }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let owner = try accountID.map { text throws(GlueError) in try AccountID(text) }
        try lake.s3ObjectStore().createBucket(bucket, options: CreateBucketOptions(ownerAccount: owner, mountedPath: path))
        try OutputPrinter(format: global.output).print(Output(Location: "/\(bucket)"))
    }
}
