import ArgumentParser
import GlueStorage

/// `localglue kms list-keys`. Mirrors KMS `ListKeys`.
struct ListKeys: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-keys", abstract: "List the KMS keys (KMS ListKeys).")

    @OptionGroup var global: GlobalOptions

    struct Key: Encodable {
        var KeyId: String
        var KeyArn: String
    }

    struct Output: Encodable {
        var Keys: [Key]
        var Truncated = false
    }

    func run() async throws {
        let keys = try LakeContext.open(global).kmsKeyStore().listKeys()
        try OutputPrinter(format: global.output).print(Output(Keys: keys.map { Key(KeyId: $0.keyID, KeyArn: $0.keyArn) }))
    }
}
