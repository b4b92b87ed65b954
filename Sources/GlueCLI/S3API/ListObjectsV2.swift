import ArgumentParser
import GlueStorage

/// `localglue s3api list-objects-v2`. Mirrors S3 `ListObjectsV2`; without `--max-keys` or
/// `--continuation-token` it follows every page, as the AWS CLI does.
struct ListObjectsV2: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-objects-v2", abstract: "List objects (S3 ListObjectsV2).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    @Option(help: "Only keys that begin with this prefix.")
    var prefix: String?

    @Option(help: "Group keys into CommonPrefixes at this delimiter.")
    var delimiter: String?

    @Option(name: .customLong("max-keys"), help: "At most this many entries (one page).")
    var maxKeys: Int?

    @Option(name: .customLong("start-after"), help: "Start after this key.")
    var startAfter: String?

    @Option(name: .customLong("continuation-token"), help: "The NextContinuationToken of a previous page.")
    var continuationToken: String?

    struct Object: Encodable {
        var Key: String
        var LastModified: String
        var ETag: String
        var Size: Int64
        var StorageClass: String
    }

    struct CommonPrefix: Encodable { var Prefix: String }

    struct Output: Encodable {
        var Name: String
        var Prefix: String
        var Delimiter: String?
        var MaxKeys: Int
        var KeyCount: Int
        var IsTruncated: Bool
        var Contents: [Object]?
        var CommonPrefixes: [CommonPrefix]?
        var ContinuationToken: String?
        var NextContinuationToken: String?
        var StartAfter: String?
    }

    func run() async throws {
        let store = try LakeContext.open(global).s3ObjectStore()
        var request = ListObjectsV2Request(
            prefix: prefix, delimiter: delimiter, maxKeys: maxKeys, startAfter: startAfter, continuationToken: continuationToken)
        var page = try store.listObjectsV2(bucket: bucket, request: request)
        var contents = page.contents
        var prefixes = page.commonPrefixes
        if maxKeys == nil, continuationToken == nil {
            while page.isTruncated, let token = page.nextContinuationToken {
                request.continuationToken = token
                page = try store.listObjectsV2(bucket: bucket, request: request)
                contents += page.contents
                prefixes += page.commonPrefixes
            }
        }
        let objects = contents.map {
            Object(Key: $0.key, LastModified: S3Output.timestamp($0.lastModified), ETag: $0.eTag, Size: $0.size, StorageClass: $0.storageClass)
        }
        try OutputPrinter(format: global.output).print(
            Output(
                Name: bucket, Prefix: prefix ?? "", Delimiter: delimiter, MaxKeys: page.maxKeys, KeyCount: objects.count + prefixes.count,
                IsTruncated: page.isTruncated, Contents: objects.isEmpty ? nil : objects,
                CommonPrefixes: prefixes.isEmpty ? nil : prefixes.map { CommonPrefix(Prefix: $0) },
                ContinuationToken: continuationToken, NextContinuationToken: page.nextContinuationToken, StartAfter: startAfter))
    }
}
