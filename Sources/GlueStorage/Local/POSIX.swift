#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import CXattr
import GlueCore

/// The few POSIX calls the local store needs, with errors turned into `GlueError`s.
///
/// Paths are plain `String`s (UTF-8 bytes on disk); every call that can fail says which path.
enum POSIX {
    /// The file's kind, size and modification time.
    struct FileStatus {
        var isRegularFile: Bool
        var isDirectory: Bool
        var isSymbolicLink: Bool
        var size: Int64
        /// Modification time in nanoseconds since 1970.
        var modificationNanoseconds: Int64

        init(_ info: stat) {
            let kind = info.st_mode & S_IFMT
            isRegularFile = kind == S_IFREG
            isDirectory = kind == S_IFDIR
            isSymbolicLink = kind == S_IFLNK
            size = Int64(info.st_size)
            #if canImport(Darwin)
                modificationNanoseconds = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
            #else
                modificationNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
            #endif
        }

        var modificationDate: Date { Date(timeIntervalSince1970: Double(modificationNanoseconds) / 1e9) }
    }

    /// One directory entry.
    struct DirectoryEntry {
        enum Kind { case file, directory, symbolicLink, other, unknown }
        var name: String
        var kind: Kind
    }

    static var lastError: Int32 { errno }

    static func error(_ operation: String, _ path: String, code: Int32 = errno, fileID: String = #fileID, line: Int = #line) -> GlueError {
        let reason = String(cString: strerror(code))
        return GlueError(.internalError, "\(operation) \(path) failed: \(reason) (errno \(code)).", fileID: fileID, line: line)
    }

    static func lstatus(_ path: String) -> FileStatus? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    static func status(_ path: String) -> FileStatus? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStatus(info)
    }

    static func status(descriptor: Int32, path: String) throws(GlueError) -> FileStatus {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw error("fstat", path) }
        return FileStatus(info)
    }

    /// `realpath(3)`: the path with every symbolic link resolved, or `nil` when it does not exist.
    static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func openForReading(_ path: String, followingLinks: Bool = true) -> Int32 {
        open(path, O_RDONLY | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
    }

    static func createExclusive(_ path: String) throws(GlueError) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw error("create", path) }
        return fd
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(GlueError) {
        guard var base = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(fd, base, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                throw error("write", path)
            }
            remaining -= written
            base += written
        }
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    static func readFully(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer, count: Int, at offset: Int64, path: String) throws(GlueError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var total = 0
        while total < count {
            let got = pread(fd, base + total, count - total, off_t(offset) + off_t(total))
            if got < 0 {
                if errno == EINTR { continue }
                throw error("read", path)
            }
            if got == 0 { break }
            total += got
        }
        return total
    }

    static func sync(_ fd: Int32, path: String) throws(GlueError) {
        guard fsync(fd) == 0 else { throw error("fsync", path) }
    }

    /// fsyncs a directory so that a rename inside it survives a crash (best effort).
    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func makeDirectory(_ path: String) -> Int32 {
        mkdir(path, 0o755) == 0 ? 0 : errno
    }

    /// Creates a folder and its missing parents (`mkdir -p`).
    static func makeDirectories(_ path: String) throws(GlueError) {
        if let existing = status(path) {
            guard existing.isDirectory else { throw error("mkdir", path, code: ENOTDIR) }
            return
        }
        let parent = parentPath(path)
        if parent != path, !parent.isEmpty { try makeDirectories(parent) }
        let code = makeDirectory(path)
        guard code == 0 || code == EEXIST else { throw error("mkdir", path, code: code) }
    }

    static func rename(_ from: String, _ to: String) -> Int32 {
        #if canImport(Glibc) || canImport(Musl)
            return Glibc.rename(from, to) == 0 ? 0 : errno
        #else
            return Darwin.rename(from, to) == 0 ? 0 : errno
        #endif
    }

    static func removeFile(_ path: String) -> Int32 {
        unlink(path) == 0 ? 0 : errno
    }

    static func removeDirectory(_ path: String) -> Int32 {
        rmdir(path) == 0 ? 0 : errno
    }

    /// Removes a folder tree without following symbolic links (`rm -r`), best effort.
    static func removeTree(_ path: String) {
        guard let info = lstatus(path) else { return }
        if info.isDirectory {
            for entry in (try? entries(path)) ?? [] { removeTree(path + "/" + entry.name) }
            _ = rmdir(path)
        } else {
            _ = unlink(path)
        }
    }

    static func entries(_ path: String) throws(GlueError) -> [DirectoryEntry] {
        guard let directory = opendir(path) else { throw error("opendir", path) }
        defer { closedir(directory) }
        var result: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String? in
                let bytes = raw.prefix(while: { $0 != 0 })
                return String(validating: bytes, as: UTF8.self)
            }
            guard let name, name != ".", name != ".." else { continue }
            let kind: DirectoryEntry.Kind =
                switch Int32(entry.pointee.d_type) {
                case 4: .directory
                case 8: .file
                case 10: .symbolicLink
                case 0: .unknown
                default: .other
                }
            result.append(DirectoryEntry(name: name, kind: kind))
        }
        return result
    }

    static func parentPath(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        if slash == path.utf8.startIndex { return "/" }
        return String(decoding: path.utf8[path.utf8.startIndex..<slash], as: UTF8.self)
    }

    static let metadataAttribute = "user.localglue.s3"

    /// Stores the metadata attribute; returns errno on failure.
    static func setAttribute(_ fd: Int32, _ value: [UInt8]) -> Int32 {
        let result = value.withUnsafeBytes { raw -> Int32 in
            #if canImport(Darwin)
                return fsetxattr(fd, metadataAttribute, raw.baseAddress, raw.count, 0, 0)
            #else
                return fsetxattr(fd, metadataAttribute, raw.baseAddress, raw.count, 0)
            #endif
        }
        return result == 0 ? 0 : errno
    }

    /// Reads the metadata attribute, `nil` when absent or unreadable.
    static func attribute(_ fd: Int32) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = buffer.withUnsafeMutableBytes { raw -> Int in
            #if canImport(Darwin)
                return fgetxattr(fd, metadataAttribute, raw.baseAddress, raw.count, 0, 0)
            #else
                return fgetxattr(fd, metadataAttribute, raw.baseAddress, raw.count)
            #endif
        }
        guard count > 0 else { return nil }
        return Array(buffer[0..<count])
    }

    static func isUnsupportedAttribute(_ code: Int32) -> Bool {
        #if canImport(Darwin)
            return code == ENOTSUP || code == EPERM
        #else
            return code == ENOTSUP || code == EOPNOTSUPP || code == EPERM
        #endif
    }
}
