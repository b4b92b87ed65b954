import ArgumentParser
import Foundation
import GlueCore
import GlueStorage

/// `localglue s3api copy-object`. Mirrors S3 `CopyObject`.
struct CopyObject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "copy-object", abstract: "Copy an object (S3 CopyObject).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("copy-source"), help: "SOURCE_BUCKET/SOURCE_KEY.")
    var copySource: String

    @Option(help: "The destination bucket.")
    var bucket: String

    @Option(help: "The destination key.")
    var key: String

    @Option(name: .customLong("metadata-directive"), help: "COPY (default) or REPLACE.")
    var metadataDirective: String = "COPY"

    @Option(name: .customLong("content-type"), help: "The Content-Type (with REPLACE).")
    var contentType: String?

    @Option(help: "User metadata (with REPLACE): JSON map or key=value,key=value.")
    var metadata: String?

    @Option(name: .customLong("server-side-encryption"), help: "AES256 or aws:kms.")
    var serverSideEncryption: String?

    @Option(name: .customLong("ssekms-key-id"), help: "The KMS key (ID or ARN) for aws:kms.")
    var ssekmsKeyID: String?

    struct Result: Encodable {
        var ETag: String
        var LastModified: String
    }

    struct Output: Encodable {
        var CopyObjectResult: Result
        var ServerSideEncryption: String
        var SSEKMSKeyId: String?
    }

    func run() async throws {
        let source = copySource.hasPrefix("/") ? String(copySource.dropFirst()) : copySource
        guard let slash = source.firstIndex(of: "/") else {
            throw ParameterError(option: "--copy-source", reason: "Expected BUCKET/KEY, got \(copySource)")
        }
        let sourceKey = String(source[source.index(after: slash)...])
        guard let directive = MetadataDirective(rawValue: metadataDirective) else {
            throw ParameterError(option: "--metadata-directive", reason: "Invalid value \(metadataDirective); valid values: COPY, REPLACE")
        }
        let options = PutObjectOptions(
            contentType: contentType, metadata: try S3Output.metadata(metadata),
            serverSideEncryption: try S3Output.encryption(serverSideEncryption, keyID: ssekmsKeyID))
        let result = try LakeContext.open(global).s3ObjectStore().copyObject(
            sourceBucket: String(source[..<slash]), sourceKey: sourceKey.removingPercentEncoding ?? sourceKey, bucket: bucket, key: key,
            metadataDirective: directive, options: options)
        let encryption = S3Output.Encryption(result.serverSideEncryption)
        try OutputPrinter(format: global.output).print(
            Output(
                CopyObjectResult: Result(ETag: result.eTag, LastModified: S3Output.timestamp(result.lastModified)),
                ServerSideEncryption: encryption.ServerSideEncryption, SSEKMSKeyId: encryption.SSEKMSKeyId))
    }
}
