import Foundation
import GlueCore
import GlueStorage

/// How the AWS CLI prints S3 values.
enum S3Output {
    /// A timestamp as the AWS CLI prints S3's second-precision times: `2026-11-22T12:00:00+00:00`.
    static func timestamp(_ date: Date) -> String {
        let whole = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        return OutputPrinter.awsTimestamp(whole).replacingOccurrences(of: ".000000+00:00", with: "+00:00")
    }

    /// Reads `--tagging "k1=v1&k2=v2"` (URL query encoding, as S3's header).
    static func tags(_ text: String?) throws -> [String: String] {
        guard let text, !text.isEmpty else { return [:] }
        var tags: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            tags[key] = value
        }
        return tags
    }

    /// Reads `--metadata` as the AWS CLI takes maps: JSON (`{"k":"v"}`) or shorthand `k=v,k2=v2`.
    static func metadata(_ text: String?) throws -> [String: String] {
        guard let text, !text.isEmpty else { return [:] }
        if text.hasPrefix("{") || text.hasPrefix("file://") {
            return try ParameterInput.decode([String: String].self, from: text, option: "--metadata")
        }
        var out: [String: String] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw ParameterError(option: "--metadata", reason: "Expected key=value, got \(pair)") }
            out[String(parts[0])] = String(parts[1])
        }
        return out
    }

    /// `--server-side-encryption` with `--ssekms-key-id`.
    static func encryption(_ mode: String?, keyID: String?) throws -> ServerSideEncryption? {
        switch mode {
        case nil:
            guard keyID == nil else {
                throw ParameterError(option: "--ssekms-key-id", reason: "requires --server-side-encryption aws:kms")
            }
            return nil
        case "AES256": return .aes256
        case "aws:kms": return .awsKMS(keyID: keyID)
        case let other?:
            throw ParameterError(option: "--server-side-encryption", reason: "Invalid value \(other); valid values: AES256, aws:kms")
        }
    }

    /// The encryption fields of S3's responses.
    struct Encryption: Encodable {
        var ServerSideEncryption: String
        var SSEKMSKeyId: String?

        init(_ encryption: ServerSideEncryption?) {
            ServerSideEncryption = encryption?.headerValue ?? "AES256"
            SSEKMSKeyId = encryption?.kmsKeyID
        }
    }
}
