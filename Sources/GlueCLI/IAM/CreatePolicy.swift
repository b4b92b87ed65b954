import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam create-policy`. Mirrors IAM `CreatePolicy`.
struct CreatePolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create-policy", abstract: "Create a customer managed policy (IAM CreatePolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("policy-name"), help: "The policy's name.") var policyName: String
    @Option(name: .customLong("policy-document"), help: "The policy (JSON or file://PATH).") var policyDocument: String
    @Option(name: .customLong("path"), help: "The policy's path (default /).") var path: String = "/"
    @Option(name: .customLong("description"), help: "A description.") var description: String?

    struct Output: Encodable { var Policy: IAMOutput.Policy }

    func run() async throws {
        let lake = try LakeContext.open(global)
        let document = try ParameterInput.text(policyDocument, option: "--policy-document")
        do {
            try lake.authorizeIAM("iam:CreatePolicy", resource: "arn:aws:iam::\(lake.configuration.accountID.rawValue):policy\(path)\(policyName)", operation: "CreatePolicy")
            let policy = try lake.iamStore().createPolicy(policyName: policyName, policyDocument: document, path: path, description: description)
            try OutputPrinter(format: global.output).print(Output(Policy: IAMOutput.Policy(policy, withDescription: false)))
        } catch let error as GlueError {
            throw error.during("CreatePolicy")
        }
    }
}
