import GlueCore

/// An S3 object key that is also safe to use as a relative path inside a bucket folder.
///
/// Keys compare, hash and sort by their UTF-8 bytes, as S3 does (Swift's `String` comparison
/// would treat canonically equivalent spellings as equal). LocalGlue accepts a key when it is
/// 1 to 1,024 UTF-8 bytes, contains no NUL, and splits on `/` into segments that are neither
/// empty, `.` nor `..`, each at most 255 bytes (a file name); the first segment may not be the
/// store's reserved folder `.localglue-s3`.
public struct ObjectKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The key as S3 spells it.
    public let rawValue: String

    /// The folder each local bucket reserves for temporary, staged and bookkeeping files.
    public static let reservedFolderName = ".localglue-s3"

    /// Validates a key.
    ///
    /// - Throws: `InvalidArgument` naming the rule the key breaks, `KeyTooLongError` above
    ///   1,024 bytes.
    public init(_ text: String) throws(GlueError) {
        try ObjectKey.validate(text)
        rawValue = text
    }

    init(unchecked text: String) { rawValue = text }

    /// The `/`-separated segments of the key.
    public var segments: [Substring] { rawValue.split(separator: "/", omittingEmptySubsequences: false) }

    public var description: String { rawValue }

    public static func == (lhs: ObjectKey, rhs: ObjectKey) -> Bool { lhs.rawValue.utf8.elementsEqual(rhs.rawValue.utf8) }

    public func hash(into hasher: inout Hasher) {
        for byte in rawValue.utf8 { hasher.combine(byte) }
    }

    public static func < (lhs: ObjectKey, rhs: ObjectKey) -> Bool { lhs.rawValue.utf8Precedes(rhs.rawValue) }

    static func validate(_ text: String) throws(GlueError) {
        let bytes = text.utf8
        guard !bytes.isEmpty else {
            throw GlueError(.invalidArgument, "Object key must not be empty.")
        }
        guard bytes.count <= 1024 else {
            throw GlueError(.keyTooLong, "Your key is too long")
        }
        guard !bytes.contains(0) else {
            throw GlueError(.invalidArgument, "Object key \"\(text.debugEscaped)\" contains a NUL character.")
        }
        var first = true
        for segment in text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if segment.isEmpty {
                throw GlueError(
                    .invalidArgument,
                    "Object key \"\(text.debugEscaped)\" has an empty path segment (a leading, trailing or doubled \"/\"); a local bucket stores each key as a file path.")
            }
            if segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) {
                throw GlueError(
                    .invalidArgument,
                    "Object key \"\(text.debugEscaped)\" has a \".\" or \"..\" path segment, which could leave the bucket folder.")
            }
            if segment.count > 255 {
                throw GlueError(.keyTooLong, "Object key \"\(text.prefix(40))...\" has a path segment longer than 255 bytes.")
            }
            if first, segment.elementsEqual(reservedFolderName.utf8) {
                throw GlueError(.invalidArgument, "Object key \"\(text.debugEscaped)\" uses the reserved folder \(reservedFolderName).")
            }
            first = false
        }
    }
}

extension GlueError.Code {
    /// S3's answer to a key longer than 1,024 bytes.
    public static let keyTooLong = Self("KeyTooLongError")
    /// S3's answer to user metadata above 2 KB.
    public static let metadataTooLarge = Self("MetadataTooLarge")
    /// S3's answer to a feature it does not implement.
    public static let notImplemented = Self("NotImplemented")
    /// S3's answer to an unknown bucket encryption configuration.
    public static let serverSideEncryptionConfigurationNotFound = Self("ServerSideEncryptionConfigurationNotFoundError")
}

extension String {
    /// Whether `self` sorts before `other` by UTF-8 bytes (S3's key order).
    @inlinable
    func utf8Precedes(_ other: String) -> Bool { utf8.lexicographicallyPrecedes(other.utf8) }

    /// Whether `self` begins with the bytes of `prefix`.
    @inlinable
    func utf8HasPrefix(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    /// Byte-wise equality (no Unicode canonical equivalence).
    @inlinable
    func utf8Equals(_ other: String) -> Bool { utf8.elementsEqual(other.utf8) }

    /// The text with control characters escaped, for error messages.
    var debugEscaped: String {
        var out = ""
        for scalar in unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }
}
