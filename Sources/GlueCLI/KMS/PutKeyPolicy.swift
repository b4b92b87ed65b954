import ArgumentParser
import GlueCore
import GlueStorage

/// `localglue kms put-key-policy`. Mirrors KMS `PutKeyPolicy` (policy name `default`).
struct PutKeyPolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "put-key-policy", abstract: "Replace a key's policy (KMS PutKeyPolicy).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("key-id"), help: "The key ID or ARN.")
    var keyID: String

    @Option(name: .customLong("policy-name"), help: "Must be default.")
    var policyName: String = "default"

    @Option(help: "The key policy, inline or file://PATH.")
    var policy: String

    func run() async throws {
        guard policyName == "default" else {
            throw GlueError(.notFound, "No such policy exists")
        }
        let text = try validatedKeyPolicy(policy)
        try LakeContext.open(global).kmsKeyStore().putKeyPolicy(keyID, policy: text)
    }
}
