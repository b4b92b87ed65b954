import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam simulate-principal-policy`. Mirrors IAM `SimulatePrincipalPolicy` for the lake's
/// roles: their inline and attached policies and boundary, plus any policies given.
struct SimulatePrincipalPolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "simulate-principal-policy", abstract: "Simulate a role's policies (IAM SimulatePrincipalPolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("policy-source-arn"), help: "The role's ARN (or name).") var policySourceArn: String
    @Option(name: .customLong("policy-input-list"), parsing: .upToNextOption, help: "More identity policies.") var policyInputList: [String] = []
    @Option(name: .customLong("permissions-boundary-policy-input-list"), parsing: .upToNextOption, help: "A boundary replacing the role's.") var boundaryInputList: [String] = []
    @Option(name: .customLong("action-names"), parsing: .upToNextOption, help: "Actions to simulate.") var actionNames: [String]
    @Option(name: .customLong("resource-arns"), parsing: .upToNextOption, help: "Resources (default *).") var resourceArns: [String] = []
    @Option(name: .customLong("resource-policy"), help: "A resource-based policy.") var resourcePolicy: String?
    @Option(name: .customLong("resource-owner"), help: "The resource's account (ID or root ARN).") var resourceOwner: String?
    @Option(name: .customLong("caller-arn"), help: "The caller (default: the role).") var callerArn: String?
    @Option(name: .customLong("context-entries"), parsing: .upToNextOption, help: "Context keys and values.") var contextEntries: [String] = []

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            let store = try lake.iamStore()
            let role = try store.getRole(roleName: SQLiteIAMStore.roleName(fromNameOrARN: policySourceArn))
            try lake.authorizeIAM("iam:SimulatePrincipalPolicy", resource: role.arn, operation: "SimulatePrincipalPolicy")
            var policies = try store.policySet(roleName: role.roleName)
            policies.identityPolicies += try PolicySimulation.documents(policyInputList, option: "--policy-input-list", namePrefix: "PolicyInputList")
            if let boundary = try PolicySimulation.documents(
                boundaryInputList, option: "--permissions-boundary-policy-input-list", namePrefix: "PermissionsBoundaryPolicyInputList").first
            {
                policies.permissionsBoundary = boundary
            }
            if let resourcePolicy {
                policies.resourcePolicy = try PolicyDocument(
                    json: try ParameterInput.text(resourcePolicy, option: "--resource-policy"), name: "ResourcePolicy")
            }
            let principal = try callerArn.map { text throws(GlueError) in try ARN(parsing: text) } ?? (try ARN(parsing: role.arn))
            let output = PolicySimulation.run(
                principal: principal, policies: policies, actions: actionNames, resources: resourceArns,
                context: try PolicySimulation.context(contextEntries), resourceOwner: resourceOwner)
            try OutputPrinter(format: global.output).print(output)
        } catch let error as GlueError {
            throw error.during("SimulatePrincipalPolicy")
        }
    }
}
