internal import CZlib
import GlueCore

/// Streaming gzip compression (zlib's `deflate` with gzip framing).
public final class GzipDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer

    /// Starts a compressor at zlib `level` (0...9).
    ///
    /// - Throws: `InternalServiceException` when zlib cannot start.
    public init(level: Int32 = 6, outputSize: Int = 1 << 18) throws(GlueError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        output = .allocate(byteCount: outputSize, alignment: 16)
        let status = deflateInit2_(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            output.deallocate()
            throw GlueError(.internalService, "zlib could not start deflating (status \(status)).")
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
        output.deallocate()
    }

    /// Compresses `bytes` (or, with `finish`, flushes the trailer) and hands output to `sink`.
    public func write(
        _ bytes: UnsafeRawBufferPointer, finish: Bool, sink: (UnsafeRawBufferPointer) throws(GlueError) -> Void
    ) throws(GlueError) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(bytes.count)
        while true {
            stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = uInt(output.count)
            let status = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw GlueError(.internalService, "zlib failed while compressing (status \(status)).")
            }
            let produced = output.count - Int(stream.pointee.avail_out)
            if produced > 0 { try sink(UnsafeRawBufferPointer(rebasing: output[0..<produced])) }
            if finish {
                if status == Z_STREAM_END { break }
            } else if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 {
                break
            }
        }
    }

    /// Compresses `bytes` (with `finish`, also the trailer) and returns the output produced.
    ///
    /// - Throws: `InternalServiceException` when zlib fails.
    public func compress(_ bytes: [UInt8], finish: Bool) throws(GlueError) -> [UInt8] {
        var compressed: [UInt8] = []
        var failure: GlueError? = nil
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            do throws(GlueError) {
                try write(raw, finish: finish) { (chunk: UnsafeRawBufferPointer) throws(GlueError) in
                    compressed.append(contentsOf: chunk)
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        return compressed
    }
}
