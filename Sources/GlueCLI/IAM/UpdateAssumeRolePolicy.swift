import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam update-assume-role-policy`. Mirrors IAM `UpdateAssumeRolePolicy`.
struct UpdateAssumeRolePolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update-assume-role-policy", abstract: "Replace a role's trust policy (IAM UpdateAssumeRolePolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String
    @Option(name: .customLong("policy-document"), help: "The trust policy (JSON or file://PATH).") var policyDocument: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        let document = try ParameterInput.text(policyDocument, option: "--policy-document")
        do {
            try lake.authorizeIAM("iam:UpdateAssumeRolePolicy", resource: lake.roleARN(roleName), operation: "UpdateAssumeRolePolicy")
            try lake.iamStore().updateAssumeRolePolicy(roleName: roleName, policyDocument: document)
        } catch {
            throw error.during("UpdateAssumeRolePolicy")
        }
    }
}
