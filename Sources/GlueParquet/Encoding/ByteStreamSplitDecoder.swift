import GlueCore

/// Decodes BYTE_STREAM_SPLIT: for values `width` bytes wide, byte `j` of value `i` sits at
/// `j * count + i`.
enum ByteStreamSplitDecoder {
    /// Reassembles `count` values of `width` bytes into their PLAIN layout.
    static func unsplit(_ bytes: UnsafeRawBufferPointer, width: Int, count: Int) throws(GlueError) -> [UInt8] {
        guard width > 0, count >= 0, count <= bytes.count / width else {
            throw invalidData("BYTE_STREAM_SPLIT data holds \(bytes.count) bytes, too few for \(count) values of \(width) bytes")
        }
        var plain = [UInt8](repeating: 0, count: width * count)
        plain.withUnsafeMutableBufferPointer { output in
            for stream in 0..<width {
                let base = stream * count
                for index in 0..<count { output[index * width + stream] = bytes[base + index] }
            }
        }
        return plain
    }
}
