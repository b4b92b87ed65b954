internal import CZlib
import GlueCore

/// Streaming gzip decompression for JSON input over a pull source (zlib's `inflate`), multi-member files
/// included: after each member's end the stream is reset and the next member is read.
final class GzipInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var finished = false
    private var memberEnded = false
    private let fileName: String

    init(fileName: String, inputSize: Int = 1 << 18) throws(GlueError) {
        self.fileName = fileName
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        input = .allocate(byteCount: inputSize, alignment: 16)
        // 15 + 16: gzip framing only.
        let status = inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            stream.deallocate()
            input.deallocate()
            throw GlueError(.internalService, "zlib could not start inflating (status \(status)).")
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
    }

    /// Fills `output` with decompressed bytes pulled through `source`; returns 0 at the end.
    ///
    /// - Throws: `InvalidDataException` for corrupt or truncated gzip data.
    func read(
        into output: UnsafeMutableRawBufferPointer, source: (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int
    ) throws(GlueError) -> Int {
        guard let outputBase = output.baseAddress, output.count > 0, !finished else { return 0 }
        stream.pointee.next_out = outputBase.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(min(output.count, Int(UInt32.max)))
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0 && !inputEnded {
                let count = try source(input)
                if count == 0 {
                    inputEnded = true
                } else {
                    stream.pointee.next_in = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
                    stream.pointee.avail_in = uInt(count)
                }
            }
            if stream.pointee.avail_in == 0 && inputEnded {
                if memberEnded {
                    finished = true
                    break
                }
                throw GlueError(.invalidData, "The gzip data of \(fileName) ends before its last member is complete.")
            }
            if memberEnded {
                // Another member follows: start over on it.
                inflateReset(stream)
                memberEnded = false
            }
            let status = inflate(stream, Z_NO_FLUSH)
            if status == Z_STREAM_END {
                memberEnded = true
            } else if status != Z_OK && status != Z_BUF_ERROR {
                throw GlueError(.invalidData, "The gzip data of \(fileName) is corrupt (zlib status \(status)).")
            }
        }
        return output.count - Int(stream.pointee.avail_out)
    }
}

/// Streaming gzip compression (zlib's `deflate` with gzip framing).
final class GzipDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let output: UnsafeMutableRawBufferPointer

    init(level: Int32 = 6, outputSize: Int = 1 << 18) throws(GlueError) {
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
    func write(
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
}
