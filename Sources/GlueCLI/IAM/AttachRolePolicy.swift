import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam attach-role-policy`. Mirrors IAM `AttachRolePolicy`.
struct AttachRolePolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "attach-role-policy", abstract: "Attach a managed policy to a role (IAM AttachRolePolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String
    @Option(name: .customLong("policy-arn"), help: "The managed policy's ARN.") var policyArn: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:AttachRolePolicy", resource: lake.roleARN(roleName), operation: "AttachRolePolicy")
            try lake.iamStore().attachRolePolicy(roleName: roleName, policyArn: policyArn)
        } catch {
            throw error.during("AttachRolePolicy")
        }
    }
}
