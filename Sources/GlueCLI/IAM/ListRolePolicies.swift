import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam list-role-policies`. Mirrors IAM `ListRolePolicies`.
struct ListRolePolicies: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-role-policies", abstract: "List a role's inline policies (IAM ListRolePolicies).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String

    struct Output: Encodable { var PolicyNames: [String] }

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:ListRolePolicies", resource: lake.roleARN(roleName), operation: "ListRolePolicies")
            try OutputPrinter(format: global.output).print(Output(PolicyNames: try lake.iamStore().listRolePolicies(roleName: roleName)))
        } catch let error as GlueError {
            throw error.during("ListRolePolicies")
        }
    }
}
