import ArgumentParser
import GlueCore
import GlueStorage

/// `localglue kms get-key-policy`. Mirrors KMS `GetKeyPolicy`.
struct GetKeyPolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-key-policy", abstract: "Show a key's policy (KMS GetKeyPolicy).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("key-id"), help: "The key ID or ARN.")
    var keyID: String

    @Option(name: .customLong("policy-name"), help: "Must be default.")
    var policyName: String = "default"

    struct Output: Encodable {
        var Policy: String
        var PolicyName: String
    }

    func run() async throws {
        guard policyName == "default" else {
            throw GlueError(.notFound, "No such policy exists")
        }
        let policy = try LakeContext.open(global).kmsKeyStore().keyPolicy(keyID)
        try OutputPrinter(format: global.output).print(Output(Policy: policy, PolicyName: "default"))
    }
}
