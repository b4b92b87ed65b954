import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam list-roles`. Mirrors IAM `ListRoles`.
struct ListRoles: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list-roles", abstract: "List roles (IAM ListRoles).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("path-prefix"), help: "Only roles whose path starts with this.") var pathPrefix: String = "/"

    struct Output: Encodable { var Roles: [IAMOutput.Role] }

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:ListRoles", resource: "arn:aws:iam::\(lake.configuration.accountID.rawValue):role/", operation: "ListRoles")
            let roles = try lake.iamStore().listRoles(pathPrefix: pathPrefix)
            try OutputPrinter(format: global.output).print(Output(Roles: roles.map(IAMOutput.Role.init)))
        } catch let error as GlueError {
            throw error.during("ListRoles")
        }
    }
}
