import ArgumentParser
import GlueStorage

/// `localglue s3api delete-bucket-policy`. Mirrors S3 `DeleteBucketPolicy`.
struct DeleteBucketPolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-bucket-policy", abstract: "Remove a bucket's policy (S3 DeleteBucketPolicy).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    func run() async throws {
        try LakeContext.open(global).s3ObjectStore().setBucketPolicy(bucket, policy: nil)
    }
}
