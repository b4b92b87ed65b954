import ArgumentParser
import GlueStorage

/// `localglue s3api delete-object`. Mirrors S3 `DeleteObject`.
struct DeleteObject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-object", abstract: "Delete one object (S3 DeleteObject).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    @Option(help: "The object key.")
    var key: String

    func run() async throws {
        try LakeContext.open(global).s3ObjectStore().deleteObject(bucket: bucket, key: key)
    }
}
