import ArgumentParser
import GlueStorage

/// `localglue s3 rm s3://BUCKET/KEY [--recursive]`.
struct RemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Delete an object, or every object below a prefix.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "s3://BUCKET/KEY")
    var path: String

    @Flag(help: "Delete every object below the prefix.")
    var recursive = false

    func run() async throws {
        let uri = try S3URI.parse(path, option: "path")
        let store = try LakeContext.open(global).s3ObjectStore()
        let transfer = S3Transfer(store: store, console: Console.current, dryRun: false)
        let keys = recursive ? try transfer.keys(under: uri) : [uri.key]
        for key in keys {
            try store.deleteObject(bucket: uri.bucket, key: key)
            Console.current.print("delete: s3://\(uri.bucket)/\(key)")
        }
    }
}
