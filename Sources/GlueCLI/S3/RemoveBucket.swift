import ArgumentParser
import GlueStorage

/// `localglue s3 rb s3://BUCKET [--force]`.
struct RemoveBucket: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rb", abstract: "Remove a bucket; --force deletes its objects first.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "s3://BUCKET")
    var path: String

    @Flag(help: "Delete every object first.")
    var force = false

    func run() async throws {
        let uri = try S3URI.parse(path, option: "path")
        let store = try LakeContext.open(global).s3ObjectStore()
        if force {
            for object in try store.listAllObjects(bucket: uri.bucket).contents {
                try store.deleteObject(bucket: uri.bucket, key: object.key)
                Console.current.print("delete: s3://\(uri.bucket)/\(object.key)")
            }
        }
        try store.deleteBucket(uri.bucket)
        Console.current.print("remove_bucket: \(uri.bucket)")
    }
}
