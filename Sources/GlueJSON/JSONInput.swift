#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GlueCompression
import GlueCore

/// The decompressed bytes of one JSON input, pulled in blocks (gzip recognised by its magic bytes,
/// bzip2 refused); the unfinished last line of a block is carried into the next.
final class JSONInput {
    let fileName: String
    private let input: DecompressingReader
    private(set) var eof = false
    /// The block: carried bytes then fresh ones.
    var buffer: [UInt8] = []
    /// The stream offset of `buffer[0]`.
    var streamOffset = 0
    /// The 1-based line of `buffer[0]`.
    var lineBase = 1

    init(fileName: String, source: @escaping (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int) {
        self.fileName = fileName
        input = DecompressingReader(fileName: fileName, formatName: "JSON", source: source)
    }

    /// Reads until the buffer holds `target` bytes or the input ends.
    func fill(to target: Int) throws(GlueError) {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !eof && buffer.count < target {
            var failure: GlueError? = nil
            let count = chunk.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) -> Int in
                do throws(GlueError) { return try input.read(into: raw) } catch {
                    failure = error
                    return 0
                }
            }
            if let failure { throw failure }
            if count == 0 {
                eof = true
                break
            }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// All remaining bytes.
    func readAll() throws(GlueError) -> [UInt8] {
        while !eof { try fill(to: buffer.count + (1 << 20)) }
        return buffer
    }

    /// Calls `body` for every line of the input with its 1-based number and stream offset.
    func forEachLine(_ body: (ArraySlice<UInt8>, Int, Int) throws(GlueError) -> Void) throws(GlueError) {
        while true {
            try fill(to: buffer.count + (1 << 20))
            let complete = eof ? buffer.count : (buffer.lastIndex(of: 10).map { $0 + 1 } ?? 0)
            var p = 0
            while p < complete {
                var q = buffer[p..<complete].firstIndex(of: 10) ?? complete
                let next = q + 1
                if q > p && buffer[q - 1] == 13 { q -= 1 }
                try body(buffer[p..<q], lineBase, streamOffset + p)
                lineBase += 1
                p = next
            }
            buffer.removeFirst(min(complete, buffer.count))
            streamOffset += complete
            if eof { return }
        }
    }
}
