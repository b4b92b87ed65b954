#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GlueCore

/// A local input file of `convert` (CSV, JSON Lines), read with POSIX `read` and closed when released.
final class TextInputFile {
    private let descriptor: Int32
    let path: String

    init(_ url: URL) throws {
        path = url.path
        descriptor = open(url.path, O_RDONLY)
        guard descriptor >= 0 else { throw ConfigurationError("Cannot read \(url.path): \(String(cString: strerror(errno))).") }
    }

    deinit { Glibc.close(descriptor) }

    /// Fills `buffer`; 0 at the end of the file.
    func read(_ buffer: UnsafeMutableRawBufferPointer) throws(GlueError) -> Int {
        while true {
            let n = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if n >= 0 { return n }
            if errno == EINTR { continue }
            throw GlueError(.internalError, "Cannot read \(path): \(String(cString: strerror(errno))).")
        }
    }
}
