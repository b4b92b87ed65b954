#if canImport(Glibc)
import Glibc
#endif
import Foundation
import GlueCore

/// A local output file of `convert` (CSV, JSON Lines), written with POSIX `write`.
final class TextOutputFile {
    private var descriptor: Int32
    let path: String

    init(_ url: URL) throws {
        path = url.path
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw ConfigurationError("Cannot write \(url.path): \(String(cString: strerror(errno))).") }
    }

    deinit { if descriptor >= 0 { Glibc.close(descriptor) } }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { raw -> Int in
                guard let base = raw.baseAddress else { return 0 }
                return Glibc.write(descriptor, base + offset, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw ConfigurationError("Cannot write \(path): \(String(cString: strerror(errno))).")
            }
            offset += n
        }
    }

    func close() throws {
        guard descriptor >= 0 else { return }
        if Glibc.close(descriptor) != 0 { throw ConfigurationError("Cannot write \(path): \(String(cString: strerror(errno))).") }
        descriptor = -1
    }
}
