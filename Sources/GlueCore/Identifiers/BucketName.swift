/// A validated S3 bucket name (general purpose bucket rules).
///
/// 3 to 63 characters of lower-case letters, digits, dots and hyphens; begins and ends with a
/// letter or digit; no two adjacent dots; not shaped like an IPv4 address; not starting with
/// `xn--`, `sthree-` or `amzn-s3-demo-`, and not ending with `-s3alias`, `--ol-s3` or `.mrap`.
public struct BucketName: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The name.
    public let rawValue: String

    /// Validates a bucket name.
    ///
    /// - Throws: `InvalidBucketName` with S3's message "The specified bucket is not valid."
    public init(_ text: String) throws(GlueError) {
        guard BucketName.isValid(text) else {
            throw GlueError(.invalidBucketName, "The specified bucket is not valid.")
        }
        rawValue = text
    }

    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3, bytes.count <= 63 else { return false }
        func isLowerAlnum(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        guard let first = bytes.first, let last = bytes.last, isLowerAlnum(first), isLowerAlnum(last) else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            guard isLowerAlnum(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") else { return false }
            if byte == UInt8(ascii: "."), previous == UInt8(ascii: ".") { return false }
            previous = byte
        }
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCII) && UInt16($0).map { $0 <= 255 } == true }) {
            return false
        }
        for prefix in ["xn--", "sthree-", "amzn-s3-demo-"] where text.hasPrefix(prefix) { return false }
        for suffix in ["-s3alias", "--ol-s3", ".mrap", "--x-s3"] where text.hasSuffix(suffix) { return false }
        return true
    }

    public var description: String { rawValue }
    public static func < (lhs: BucketName, rhs: BucketName) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { self = try BucketName(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
