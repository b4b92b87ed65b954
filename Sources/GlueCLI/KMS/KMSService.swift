import ArgumentParser
import Foundation
import GlueCore
import GlueIAM
import GlueStorage

/// `localglue kms ...`: the lake's KMS keys (authorization only: bytes are never encrypted).
struct KMSService: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kms",
        abstract: "KMS keys for SSE-KMS objects: reading one needs kms:Decrypt, writing one kms:GenerateDataKey.",
        subcommands: [CreateKey.self, DescribeKey.self, ListKeys.self, PutKeyPolicy.self, GetKeyPolicy.self])
}

/// `KeyMetadata` as KMS returns it.
struct KeyMetadataOutput: Encodable {
    var AWSAccountId: String
    var KeyId: String
    var Arn: String
    var CreationDate: Date
    var Enabled: Bool
    var Description: String
    var KeyUsage: String
    var KeyState: String
    var Origin = "AWS_KMS"
    var KeyManager = "CUSTOMER"
    var CustomerMasterKeySpec: String
    var KeySpec: String
    var EncryptionAlgorithms = ["SYMMETRIC_DEFAULT"]
    var MultiRegion = false

    init(_ key: KMSKeyMetadata) {
        AWSAccountId = key.awsAccountID
        KeyId = key.keyID
        Arn = key.arn
        CreationDate = key.creationDate
        Enabled = key.enabled
        Description = key.description
        KeyUsage = key.keyUsage
        KeyState = key.keyState
        CustomerMasterKeySpec = key.keySpec
        KeySpec = key.keySpec
    }
}

/// KMS's policy check: the document must parse as an IAM policy.
func validatedKeyPolicy(_ value: String) throws -> String {
    let text = try ParameterInput.text(value, option: "--policy")
    do {
        _ = try PolicyDocument(json: text)
    } catch {
        throw GlueError(.kmsMalformedPolicyDocument, error.message)
    }
    return text
}

extension GlueError.Code {
    /// KMS's answer to a policy it cannot read.
    static let kmsMalformedPolicyDocument = Self("MalformedPolicyDocumentException")
}
