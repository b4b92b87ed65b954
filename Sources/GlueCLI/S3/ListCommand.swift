import ArgumentParser
import Foundation
import GlueCore
import GlueStorage

/// `localglue s3 ls [s3://BUCKET[/PREFIX]] [--recursive]`, printed as the AWS CLI prints it.
struct ListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ls", abstract: "List buckets, or the objects and folders under a prefix.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "s3://BUCKET[/PREFIX]")
    var path: String?

    @Flag(help: "List every key below the prefix.")
    var recursive = false

    static func date(_ date: Date) -> String {
        let text = S3Output.timestamp(date)
        return String(text.prefix(10)) + " " + String(text.dropFirst(11).prefix(8))
    }

    func run() async throws {
        let store = try LakeContext.open(global).s3ObjectStore()
        let console = Console.current
        guard let path else {
            for bucket in try store.listBuckets() { console.print("\(Self.date(bucket.creationDate)) \(bucket.name.rawValue)") }
            return
        }
        let uri = try S3URI.parse(path, option: "path")
        let listing = try store.listAllObjects(bucket: uri.bucket, prefix: uri.key.isEmpty ? nil : uri.key, delimiter: recursive ? nil : "/")
        let base = recursive ? "" : String(uri.key[..<(uri.key.lastIndex(of: "/").map { uri.key.index(after: $0) } ?? uri.key.startIndex)])
        for prefix in listing.commonPrefixes {
            console.print(String(repeating: " ", count: 27) + "PRE " + String(prefix.dropFirst(base.count)))
        }
        for object in listing.contents {
            let size = String(object.size)
            console.print("\(Self.date(object.lastModified)) \(String(repeating: " ", count: max(0, 10 - size.count)))\(size) \(object.key.dropFirst(base.count))")
        }
    }
}
