import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam get-role-policy`. Mirrors IAM `GetRolePolicy`.
struct GetRolePolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-role-policy", abstract: "Show a role's inline policy (IAM GetRolePolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String
    @Option(name: .customLong("policy-name"), help: "The inline policy's name.") var policyName: String

    struct Output: Encodable {
        var RoleName: String
        var PolicyName: String
        var PolicyDocument: JSONOutput
    }

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:GetRolePolicy", resource: lake.roleARN(roleName), operation: "GetRolePolicy")
            let policy = try lake.iamStore().getRolePolicy(roleName: roleName, policyName: policyName)
            try OutputPrinter(format: global.output).print(
                Output(RoleName: policy.roleName, PolicyName: policy.policyName, PolicyDocument: JSONOutput(json: policy.policyDocument)))
        } catch let error as GlueError {
            throw error.during("GetRolePolicy")
        }
    }
}
