#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A KMS key as `DescribeKey` returns it (`KeyMetadata`).
public struct KMSKeyMetadata: Sendable, Hashable {
    /// `KeyId`: the key's UUID.
    public var keyID: String
    /// `Arn`: `arn:aws:kms:REGION:ACCOUNT:key/KEY_ID`.
    public var arn: String
    /// `AWSAccountId`.
    public var awsAccountID: String
    /// `Description`.
    public var description: String
    /// `KeyUsage`: `ENCRYPT_DECRYPT`.
    public var keyUsage: String
    /// `KeySpec`: `SYMMETRIC_DEFAULT`.
    public var keySpec: String
    /// `KeyState`: `Enabled`.
    public var keyState: String
    /// `CreationDate`.
    public var creationDate: Date

    /// `Enabled`.
    public var enabled: Bool { keyState == "Enabled" }
}
