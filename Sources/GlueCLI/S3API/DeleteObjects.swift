import ArgumentParser
import GlueStorage

/// `localglue s3api delete-objects`. Mirrors S3 `DeleteObjects`.
struct DeleteObjects: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete-objects", abstract: "Delete several objects (S3 DeleteObjects).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    @Option(help: #"{"Objects": [{"Key": "..."}], "Quiet": false}, inline or file://PATH."#)
    var delete: String

    struct Delete: Decodable {
        struct Object: Decodable { var Key: String }
        var Objects: [Object]
        var Quiet: Bool?
    }

    struct Deleted: Encodable { var Key: String }
    struct Failure: Encodable {
        var Key: String
        var Code: String
        var Message: String
    }

    struct Output: Encodable {
        var Deleted: [Deleted]?
        var Errors: [Failure]?
    }

    func run() async throws {
        let request = try ParameterInput.decode(Delete.self, from: delete, option: "--delete")
        let result = try LakeContext.open(global).s3ObjectStore().deleteObjects(bucket: bucket, keys: request.Objects.map(\.Key))
        let deleted = (request.Quiet ?? false) ? [] : result.deleted.map { Deleted(Key: $0) }
        let errors = result.errors.map { Failure(Key: $0.key, Code: $0.code, Message: $0.message) }
        try OutputPrinter(format: global.output).print(Output(Deleted: deleted.isEmpty ? nil : deleted, Errors: errors.isEmpty ? nil : errors))
    }
}
