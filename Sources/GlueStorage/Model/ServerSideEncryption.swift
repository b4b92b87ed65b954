/// The server-side encryption an object was written with (`x-amz-server-side-encryption`).
///
/// LocalGlue does not encrypt bytes; it records the setting and, for `aws:kms`, authorizes
/// `kms:GenerateDataKey` on write and `kms:Decrypt` on read as S3 does.
public enum ServerSideEncryption: Sendable, Hashable, Codable {
    /// `AES256` (SSE-S3).
    case aes256
    /// `aws:kms` with the key's ARN (or `nil` for the AWS managed key `aws/s3`).
    case awsKMS(keyID: String?)

    /// The header value: `AES256` or `aws:kms`.
    public var headerValue: String {
        switch self {
        case .aes256: "AES256"
        case .awsKMS: "aws:kms"
        }
    }

    /// The KMS key of an `aws:kms` object.
    public var kmsKeyID: String? {
        if case .awsKMS(let keyID) = self { return keyID }
        return nil
    }
}
