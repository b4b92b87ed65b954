import ArgumentParser
import GlueStorage

/// `localglue kms describe-key`. Mirrors KMS `DescribeKey`.
struct DescribeKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "describe-key", abstract: "Describe a KMS key (KMS DescribeKey).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("key-id"), help: "The key ID or ARN.")
    var keyID: String

    struct Output: Encodable { var KeyMetadata: KeyMetadataOutput }

    func run() async throws {
        let key = try LakeContext.open(global).kmsKeyStore().describeKey(keyID)
        try OutputPrinter(format: global.output).print(Output(KeyMetadata: KeyMetadataOutput(key)))
    }
}
