import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam list-attached-role-policies`. Mirrors IAM `ListAttachedRolePolicies`.
struct ListAttachedRolePolicies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-attached-role-policies", abstract: "List the managed policies attached to a role (IAM ListAttachedRolePolicies).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String

    struct Attached: Encodable {
        var PolicyName: String
        var PolicyArn: String
    }

    struct Output: Encodable { var AttachedPolicies: [Attached] }

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:ListAttachedRolePolicies", resource: lake.roleARN(roleName), operation: "ListAttachedRolePolicies")
            let attached = try lake.iamStore().listAttachedRolePolicies(roleName: roleName)
            try OutputPrinter(format: global.output).print(
                Output(AttachedPolicies: attached.map { Attached(PolicyName: $0.policyName, PolicyArn: $0.policyArn) }))
        } catch let error as GlueError {
            throw error.during("ListAttachedRolePolicies")
        }
    }
}
