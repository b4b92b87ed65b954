import ArgumentParser
import GlueCore
import GlueStorage

/// `localglue s3api put-object`. Mirrors S3 `PutObject`, streaming `--body` from a file.
struct PutObject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "put-object", abstract: "Upload one object (S3 PutObject).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    @Option(help: "The object key.")
    var key: String

    @Option(help: "The file to upload (an empty object without it).")
    var body: String?

    @Option(name: .customLong("content-type"), help: "The Content-Type.")
    var contentType: String?

    @Option(help: "User metadata: JSON map or key=value,key=value.")
    var metadata: String?

    @Option(help: "Tags as a URL query: k1=v1&k2=v2.")
    var tagging: String?

    @Option(name: .customLong("server-side-encryption"), help: "AES256 or aws:kms.")
    var serverSideEncryption: String?

    @Option(name: .customLong("ssekms-key-id"), help: "The KMS key (ID or ARN) for aws:kms.")
    var ssekmsKeyID: String?

    struct Output: Encodable {
        var ETag: String
        var ServerSideEncryption: String
        var SSEKMSKeyId: String?
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let options = PutObjectOptions(
            contentType: contentType, metadata: try S3Output.metadata(metadata), tags: try S3Output.tags(tagging),
            serverSideEncryption: try S3Output.encryption(serverSideEncryption, keyID: ssekmsKeyID))
        let store = try lake.s3ObjectStore()
        let result: ObjectMetadata
        if let body {
            var source = try LocalFileByteSource(path: body)
            result = try store.putObject(bucket: bucket, key: key, body: &source, options: options)
        } else {
            result = try store.putObject(bucket: bucket, key: key, bytes: [], options: options)
        }
        let encryption = S3Output.Encryption(result.serverSideEncryption)
        try OutputPrinter(format: global.output).print(
            Output(ETag: result.eTag, ServerSideEncryption: encryption.ServerSideEncryption, SSEKMSKeyId: encryption.SSEKMSKeyId))
    }
}
