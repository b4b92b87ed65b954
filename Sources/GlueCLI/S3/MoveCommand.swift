import ArgumentParser
import Foundation
import GlueStorage

/// `localglue s3 mv SOURCE DESTINATION [--recursive]`: copy, then delete the source.
struct MoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "mv", abstract: "Move files and objects.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A local path or s3://BUCKET/KEY.")
    var source: String

    @Argument(help: "A local path or s3://BUCKET/KEY.")
    var destination: String

    @Flag(help: "Move every file or object below the source.")
    var recursive = false

    func run() async throws {
        let store = try LakeContext.open(global).s3ObjectStore()
        let transfer = S3Transfer(store: store, console: Console(output: { _ in }, error: { _ in }), dryRun: false)
        for item in try transfer.plan(source: source, destination: destination, recursive: recursive) {
            try transfer.run(item)
            switch item {
            case .upload(let local, let target):
                try FileManager.default.removeItem(atPath: local)
                Console.current.print("move: \(local) to \(target.description)")
            case .download(let origin, let local):
                try store.deleteObject(bucket: origin.bucket, key: origin.key)
                Console.current.print("move: \(origin.description) to \(local)")
            case .copy(let origin, let target):
                try store.deleteObject(bucket: origin.bucket, key: origin.key)
                Console.current.print("move: \(origin.description) to \(target.description)")
            }
        }
    }
}
