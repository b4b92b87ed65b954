import ArgumentParser
import GlueStorage

/// `localglue kms create-key`. Mirrors KMS `CreateKey` (symmetric keys).
struct CreateKey: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-key", abstract: "Create a KMS key (KMS CreateKey).")

    @OptionGroup var global: GlobalOptions

    @Option(help: "The key's description.")
    var description: String = ""

    @Option(help: "The key policy, inline or file://PATH (default: the account may use the key through IAM).")
    var policy: String?

    struct Output: Encodable { var KeyMetadata: KeyMetadataOutput }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let text = try policy.map(validatedKeyPolicy)
        let key = try lake.kmsKeyStore().createKey(description: description, policy: text)
        try OutputPrinter(format: global.output).print(Output(KeyMetadata: KeyMetadataOutput(key)))
    }
}
