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
    private let source: (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int
    private var inflater: GzipInflater? = nil
    private var replay: [UInt8] = []
    private var replayOffset = 0
    private var sniffed = false
    private(set) var eof = false
    /// The block: carried bytes then fresh ones.
    var buffer: [UInt8] = []
    /// The stream offset of `buffer[0]`.
    var streamOffset = 0
    /// The 1-based line of `buffer[0]`.
    var lineBase = 1

    init(fileName: String, source: @escaping (UnsafeMutableRawBufferPointer) throws(GlueError) -> Int) {
        self.fileName = fileName
        self.source = source
    }

    private func pull(into free: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int {
        guard let inflater else { return try source(free) }
        return try inflater.read(into: free) { (input: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int in
            if replayOffset < replay.count {
                let n = min(input.count, replay.count - replayOffset)
                for index in 0..<n { input[index] = replay[replayOffset + index] }
                replayOffset += n
                return n
            }
            return try source(input)
        }
    }

    /// Reads until the buffer holds `target` bytes or the input ends.
    func fill(to target: Int) throws(GlueError) {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while !eof && buffer.count < target {
            var failure: GlueError? = nil
            let count = chunk.withUnsafeMutableBytes { (raw: UnsafeMutableRawBufferPointer) -> Int in
                do throws(GlueError) { return try pull(into: raw) } catch {
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
            if !sniffed && inflater == nil && (buffer.count >= 3) {
                sniffed = true
                if buffer[0] == 0x42 && buffer[1] == 0x5A && buffer[2] == 0x68 {
                    throw GlueError(.unsupportedFeature, "\(fileName.isEmpty ? "The input" : fileName) is bzip2-compressed; bzip2 is not supported (use gzip or plain JSON).")
                }
                if buffer[0] == 0x1F && buffer[1] == 0x8B {
                    replay = buffer
                    replayOffset = 0
                    buffer = []
                    inflater = try GzipInflater(fileName: fileName)
                }
            }
        }
        if eof && !sniffed && inflater == nil { sniffed = true }
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
