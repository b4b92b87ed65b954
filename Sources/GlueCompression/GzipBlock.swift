internal import CZlib
import GlueCore

/// One-shot gzip of a whole block held in memory (Parquet pages), as opposed to the streaming
/// ``GzipInflater`` and ``GzipDeflater``.
public enum GzipBlock {
    /// Why a block did not inflate: a phrase that completes "the block ...".
    public struct Failure: Error, Sendable, Hashable {
        /// The phrase (`"is corrupt (zlib status -3)"`).
        public var reason: String
    }

    /// Inflates `input` (one or more gzip members, then optional zero padding) into exactly
    /// `expectedSize` bytes.
    ///
    /// - Throws: a ``Failure`` when the data is corrupt, truncated, or inflates to another size.
    public static func decompress(_ input: UnsafeRawBufferPointer, expectedSize size: Int) throws(Failure) -> [UInt8] {
        guard size >= 0 else { throw Failure(reason: "claims a negative size") }
        var output = [UInt8](repeating: 0, count: size)
        guard input.count > 0 else {
            guard size == 0 else { throw Failure(reason: "is empty but should inflate to \(size) bytes") }
            return []
        }
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(reason: "could not be inflated (zlib inflateInit2 failed)")
        }
        defer { inflateEnd(&stream) }
        var produced = 0
        var consumed = 0
        var failure: String?
        output.withUnsafeMutableBytes { destination in
            guard let outBase = destination.baseAddress?.assumingMemoryBound(to: Bytef.self),
                let inBase = input.baseAddress?.assumingMemoryBound(to: Bytef.self)
            else {
                failure = "inflates to more than the \(size) bytes expected"
                return
            }
            while consumed < input.count {
                stream.next_in = UnsafeMutablePointer(mutating: inBase + consumed)
                stream.avail_in = uInt(input.count - consumed)
                stream.next_out = outBase + produced
                stream.avail_out = uInt(size - produced)
                let status = inflate(&stream, Z_FINISH)
                consumed = input.count - Int(stream.avail_in)
                produced = size - Int(stream.avail_out)
                if status == Z_STREAM_END {
                    // Another member may follow (concatenated gzip members).
                    if consumed < input.count {
                        // Trailing zero padding after the last member is tolerated.
                        if UnsafeRawBufferPointer(rebasing: input[consumed...]).allSatisfy({ $0 == 0 }) { return }
                        guard inflateReset(&stream) == Z_OK else {
                            failure = "could not be inflated (zlib inflateReset failed)"
                            return
                        }
                    }
                    continue
                }
                failure = status == Z_BUF_ERROR ? "inflates to more than the \(size) bytes expected, or is truncated" : "is corrupt (zlib status \(status))"
                return
            }
        }
        if let failure { throw Failure(reason: failure) }
        guard produced == size else { throw Failure(reason: "inflates to \(produced) bytes, not the \(size) expected") }
        return output
    }

    /// Compresses `input` into one gzip member at zlib `level` (0...9).
    ///
    /// - Throws: `InternalServiceException` when zlib fails.
    public static func compress(_ input: [UInt8], level: Int32 = 6) throws(GlueError) -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GlueError(.internalService, "zlib deflateInit2 failed")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 32
        var output = [UInt8](repeating: 0, count: bound)
        var status: Int32 = Z_OK
        input.withUnsafeBytes { source in
            output.withUnsafeMutableBytes { destination in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.avail_in = uInt(input.count)
                stream.next_out = destination.baseAddress?.assumingMemoryBound(to: Bytef.self)
                stream.avail_out = uInt(bound)
                status = deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw GlueError(.internalService, "zlib deflate failed with status \(status)") }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}
