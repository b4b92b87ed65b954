import ArgumentParser
import GlueCore
import GlueStorage

/// `localglue s3api get-bucket-policy`. Mirrors S3 `GetBucketPolicy`.
struct GetBucketPolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-bucket-policy", abstract: "Show a bucket's policy (S3 GetBucketPolicy).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    struct Output: Encodable { var Policy: String }

    func run() async throws {
        guard let policy = try LakeContext.open(global).s3ObjectStore().bucketPolicy(bucket) else {
            throw GlueError(.noSuchBucketPolicy, "The bucket policy does not exist", operation: "GetBucketPolicy")
        }
        try OutputPrinter(format: global.output).print(Output(Policy: policy))
    }
}
