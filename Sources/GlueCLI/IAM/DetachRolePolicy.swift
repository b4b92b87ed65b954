import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam detach-role-policy`. Mirrors IAM `DetachRolePolicy`.
struct DetachRolePolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "detach-role-policy", abstract: "Detach a managed policy from a role (IAM DetachRolePolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String
    @Option(name: .customLong("policy-arn"), help: "The managed policy's ARN.") var policyArn: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:DetachRolePolicy", resource: lake.roleARN(roleName), operation: "DetachRolePolicy")
            try lake.iamStore().detachRolePolicy(roleName: roleName, policyArn: policyArn)
        } catch {
            throw error.during("DetachRolePolicy")
        }
    }
}
