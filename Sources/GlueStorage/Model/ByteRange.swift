import GlueCore

/// An HTTP byte range of `GetObject` (`Range: bytes=...`), one range only, as S3 supports.
public enum ByteRange: Sendable, Hashable, CustomStringConvertible {
    /// `bytes=FIRST-LAST` (both inclusive).
    case closed(first: Int64, last: Int64)
    /// `bytes=FIRST-`: from `first` to the end.
    case from(first: Int64)
    /// `bytes=-N`: the last `N` bytes.
    case suffix(length: Int64)

    /// Parses `bytes=0-99`, `bytes=100-` or `bytes=-500`.
    ///
    /// - Throws: `InvalidArgument` for anything else.
    public init(parsing header: String) throws(GlueError) {
        let invalid = GlueError(.invalidArgument, "Invalid Range header \"\(header.debugEscaped)\"; expected bytes=FIRST-LAST, bytes=FIRST- or bytes=-LENGTH.")
        guard header.hasPrefix("bytes=") else { throw invalid }
        let spec = header.dropFirst("bytes=".count)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw invalid }
        func number(_ text: Substring) -> Int64? {
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return Int64(text)
        }
        switch (parts[0].isEmpty, parts[1].isEmpty) {
        case (false, false):
            guard let first = number(parts[0]), let last = number(parts[1]), first <= last else { throw invalid }
            self = .closed(first: first, last: last)
        case (false, true):
            guard let first = number(parts[0]) else { throw invalid }
            self = .from(first: first)
        case (true, false):
            guard let length = number(parts[1]), length > 0 else { throw invalid }
            self = .suffix(length: length)
        case (true, true):
            throw invalid
        }
    }

    public var description: String {
        switch self {
        case .closed(let first, let last): "bytes=\(first)-\(last)"
        case .from(let first): "bytes=\(first)-"
        case .suffix(let length): "bytes=-\(length)"
        }
    }

    /// The byte offsets `[lower, upper)` this range selects in an object of `size` bytes.
    ///
    /// - Throws: `InvalidRange` ("The requested range is not satisfiable") when it selects nothing.
    public func resolve(size: Int64) throws(GlueError) -> Range<Int64> {
        let unsatisfiable = GlueError(.invalidRange, "The requested range is not satisfiable")
        switch self {
        case .closed(let first, let last):
            guard first < size else { throw unsatisfiable }
            return first..<min(last, size - 1) + 1
        case .from(let first):
            guard first < size else { throw unsatisfiable }
            return first..<size
        case .suffix(let length):
            guard size > 0 else { throw unsatisfiable }
            return max(0, size - length)..<size
        }
    }
}
