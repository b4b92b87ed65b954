import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam simulate-custom-policy`. Mirrors IAM `SimulateCustomPolicy`.
struct SimulateCustomPolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "simulate-custom-policy", abstract: "Simulate policies given inline (IAM SimulateCustomPolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("policy-input-list"), parsing: .upToNextOption, help: "Identity policies (JSON or file://PATH).") var policyInputList: [String]
    @Option(name: .customLong("permissions-boundary-policy-input-list"), parsing: .upToNextOption, help: "A permissions boundary.") var boundaryInputList: [String] = []
    @Option(name: .customLong("action-names"), parsing: .upToNextOption, help: "Actions to simulate.") var actionNames: [String]
    @Option(name: .customLong("resource-arns"), parsing: .upToNextOption, help: "Resources (default *).") var resourceArns: [String] = []
    @Option(name: .customLong("resource-policy"), help: "A resource-based policy.") var resourcePolicy: String?
    @Option(name: .customLong("resource-owner"), help: "The resource's account (ID or root ARN).") var resourceOwner: String?
    @Option(name: .customLong("caller-arn"), help: "The caller (default: a user of the lake's account).") var callerArn: String?
    @Option(name: .customLong("context-entries"), parsing: .upToNextOption, help: "Context keys and values.") var contextEntries: [String] = []

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:SimulateCustomPolicy", resource: "*", operation: "SimulateCustomPolicy")
            var policies = PolicySet(
                identityPolicies: try PolicySimulation.documents(policyInputList, option: "--policy-input-list", namePrefix: "PolicyInputList"))
            policies.permissionsBoundary = try PolicySimulation.documents(
                boundaryInputList, option: "--permissions-boundary-policy-input-list", namePrefix: "PermissionsBoundaryPolicyInputList").first
            if let resourcePolicy {
                policies.resourcePolicy = try PolicyDocument(
                    json: try ParameterInput.text(resourcePolicy, option: "--resource-policy"), name: "ResourcePolicy")
            }
            let account = lake.configuration.accountID.rawValue
            let principal = try callerArn.map { text throws(GlueError) in try ARN(parsing: text) }
                ?? ARN(service: "iam", account: account, resource: "user/SimulatedUser")
            let output = PolicySimulation.run(
                principal: principal, policies: policies, actions: actionNames, resources: resourceArns,
                context: try PolicySimulation.context(contextEntries), resourceOwner: resourceOwner)
            try OutputPrinter(format: global.output).print(output)
        } catch let error as GlueError {
            throw error.during("SimulateCustomPolicy")
        }
    }
}
