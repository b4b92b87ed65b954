import ArgumentParser
import GlueStorage

/// `localglue s3api delete-bucket`. Mirrors S3 `DeleteBucket`.
struct DeleteBucket: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-bucket", abstract: "Delete an empty bucket (S3 DeleteBucket).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    func run() async throws {
        try LakeContext.open(global).s3ObjectStore().deleteBucket(bucket)
    }
}
