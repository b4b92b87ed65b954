internal import CZlib
import GlueCore

/// Streaming gzip decompression over a pull source (zlib's `inflate`), multi-member files
/// included: after each member's end the stream is reset and the next member is read.
public final class GzipInflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnded = false
    private var finished = false
    private var memberEnded = false
    private let fileName: String

    /// Starts a decompressor; `fileName` names the input in error messages.
    ///
    /// - Throws: `InternalServiceException` when zlib cannot start.
    public init(fileName: String, inputSize: Int = 1 << 18) throws(GlueError) {
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
    public func read(
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
