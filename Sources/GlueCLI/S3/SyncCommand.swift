import ArgumentParser
import Foundation
import GlueStorage

/// `localglue s3 sync SOURCE DESTINATION`: copies what is missing or differs in size, as the AWS
/// CLI does by default.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sync", abstract: "Copy new and changed files or objects (by size).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A local folder or s3://BUCKET/PREFIX.")
    var source: String

    @Argument(help: "A local folder or s3://BUCKET/PREFIX.")
    var destination: String

    @Flag(name: .customLong("dryrun"), help: "Print what would be copied.")
    var dryRun = false

    func run() async throws {
        let store = try LakeContext.open(global).s3ObjectStore()
        let transfer = S3Transfer(store: store, console: Console.current, dryRun: dryRun)
        for item in try transfer.plan(source: source, destination: destination, recursive: true) where try needsCopy(item, store: store) {
            try transfer.run(item)
        }
    }

    func needsCopy(_ item: S3Transfer.Item, store: any ObjectStore) throws -> Bool {
        func objectSize(_ uri: S3URI) -> Int64? { try? store.headObject(bucket: uri.bucket, key: uri.key).size }
        func fileSize(_ path: String) -> Int64? { (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value }
        switch item {
        case .upload(let local, let target): return objectSize(target) != fileSize(local)
        case .download(let origin, let local): return fileSize(local) != objectSize(origin)
        case .copy(let origin, let target): return objectSize(target) != objectSize(origin)
        }
    }
}
