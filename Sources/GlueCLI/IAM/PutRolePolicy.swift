import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam put-role-policy`. Mirrors IAM `PutRolePolicy`.
struct PutRolePolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "put-role-policy", abstract: "Add or replace a role's inline policy (IAM PutRolePolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String
    @Option(name: .customLong("policy-name"), help: "The inline policy's name.") var policyName: String
    @Option(name: .customLong("policy-document"), help: "The policy (JSON or file://PATH).") var policyDocument: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        let document = try ParameterInput.text(policyDocument, option: "--policy-document")
        do {
            try lake.authorizeIAM("iam:PutRolePolicy", resource: lake.roleARN(roleName), operation: "PutRolePolicy")
            try lake.iamStore().putRolePolicy(roleName: roleName, policyName: policyName, policyDocument: document)
        } catch {
            throw error.during("PutRolePolicy")
        }
    }
}
