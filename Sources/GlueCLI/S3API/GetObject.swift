import ArgumentParser
import Foundation
import GlueCore
import GlueStorage

/// `localglue s3api get-object`. Mirrors S3 `GetObject`, streaming into `OUTFILE`.
struct GetObject: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-object", abstract: "Download one object (S3 GetObject).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The bucket name.")
    var bucket: String

    @Option(help: "The object key.")
    var key: String

    @Option(help: "A byte range: bytes=FIRST-LAST, bytes=FIRST- or bytes=-LENGTH.")
    var range: String?

    @Argument(help: "Where to write the body (- for standard output is not supported; use /dev/stdout).")
    var outfile: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        let byteRange = try range.map { text throws(GlueError) in try ByteRange(parsing: text) }
        guard FileManager.default.createFile(atPath: outfile, contents: nil), let handle = FileHandle(forWritingAtPath: outfile) else {
            throw ConfigurationError("Cannot write \(outfile).")
        }
        defer { try? handle.close() }
        var written: Int64 = 0
        var writeFailure: (any Error)?
        let metadata = try lake.s3ObjectStore().getObject(bucket: bucket, key: key, range: byteRange) { chunk throws(GlueError) in
            do { try handle.write(contentsOf: Data(chunk)) } catch {
                writeFailure = error
                throw GlueError(.internalError, "Cannot write \(outfile): \(error)")
            }
            written += Int64(chunk.count)
        }
        if let writeFailure { throw writeFailure }
        var contentRange: String?
        if let byteRange {
            let selected = try byteRange.resolve(size: metadata.size)
            contentRange = "bytes \(selected.lowerBound)-\(selected.upperBound - 1)/\(metadata.size)"
        }
        try OutputPrinter(format: global.output).print(ObjectHeaders(metadata, contentLength: written, contentRange: contentRange))
    }
}
