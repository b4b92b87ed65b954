import ArgumentParser
import GlueStorage

/// `localglue s3api put-bucket-policy`. Mirrors S3 `PutBucketPolicy` (the policy is validated).
struct PutBucketPolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "put-bucket-policy", abstract: "Set a bucket's policy (S3 PutBucketPolicy).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    @Option(help: "The policy JSON, inline or file://PATH.")
    var policy: String

    func run() async throws {
        let text = try ParameterInput.text(policy, option: "--policy")
        try LakeContext.open(global).s3ObjectStore().setBucketPolicy(bucket, policy: text)
    }
}
