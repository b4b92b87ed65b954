import ArgumentParser
import GlueStorage

/// `localglue s3api head-object`. Mirrors S3 `HeadObject`.
struct HeadObject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "head-object", abstract: "Show an object's metadata (S3 HeadObject).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    @Option(help: "The object key.")
    var key: String

    func run() async throws {
        let metadata = try LakeContext.open(global).s3ObjectStore().headObject(bucket: bucket, key: key)
        try OutputPrinter(format: global.output).print(ObjectHeaders(metadata))
    }
}
