import ArgumentParser
import GlueCore
import GlueStorage

/// `localglue s3 mb s3://BUCKET [--path DIR] [--account-id ID]`.
struct MakeBucket: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mb", abstract: "Make a bucket; --path mounts an existing folder as the bucket.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "s3://BUCKET")
    var path: String

    @Option(name: .customLong("path"), help: "An existing folder to mount as the bucket.")
    var folder: String?

    @Option(name: .customLong("account-id"), help: "The owner account, for cross-account scenarios.")
    var accountID: String?

    func run() async throws {
        let uri = try S3URI.parse(path, option: "path")
        let owner = try accountID.map { text throws(GlueError) in try AccountID(text) }
        try LakeContext.open(global).s3ObjectStore().createBucket(uri.bucket, options: CreateBucketOptions(ownerAccount: owner, mountedPath: folder))
        Console.current.print("make_bucket: \(uri.bucket)")
    }
}
