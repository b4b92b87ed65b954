import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam create-role`. Mirrors IAM `CreateRole`.
struct CreateRole: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-role", abstract: "Create a role with its trust policy (IAM CreateRole).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("role-name"), help: "The role's name.") var roleName: String
    @Option(name: .customLong("assume-role-policy-document"), help: "The trust policy (JSON or file://PATH).") var assumeRolePolicyDocument: String
    @Option(name: .customLong("path"), help: "The role's path (default /).") var path: String = "/"
    @Option(name: .customLong("description"), help: "A description.") var description: String?
    @Option(name: .customLong("max-session-duration"), help: "Seconds (3600 to 43200).") var maxSessionDuration: Int = 3600
    @Option(name: .customLong("permissions-boundary"), help: "The ARN of a managed policy to use as boundary.") var permissionsBoundary: String?

    struct Output: Encodable { var Role: IAMOutput.Role }

    func run() async throws {
        let lake = try LakeContext.open(global)
        try lake.authorizeIAM("iam:CreateRole", resource: lake.roleARN(roleName), operation: "CreateRole")
        let document = try ParameterInput.text(assumeRolePolicyDocument, option: "--assume-role-policy-document")
        do {
            let role = try lake.iamStore().createRole(
                roleName: roleName, assumeRolePolicyDocument: document, path: path, description: description,
                maxSessionDuration: maxSessionDuration, permissionsBoundary: permissionsBoundary)
            try OutputPrinter(format: global.output).print(Output(Role: IAMOutput.Role(role)))
        } catch let error as GlueError {
            throw error.during("CreateRole")
        }
    }
}
