import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue iam get-policy`. Mirrors IAM `GetPolicy` (AWS managed policies come from the bundle).
struct GetPolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get-policy", abstract: "Show a managed policy (IAM GetPolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("policy-arn"), help: "The policy's ARN.") var policyArn: String

    func run() async throws {
        let lake = try LakeContext.open(global)
        do {
            try lake.authorizeIAM("iam:GetPolicy", resource: policyArn, operation: "GetPolicy")
            let policy = try lake.iamStore().managedPolicy(arn: policyArn)
            try OutputPrinter(format: global.output).print(CreatePolicy.Output(Policy: IAMOutput.Policy(policy, withDescription: true)))
        } catch let error as GlueError {
            throw error.during("GetPolicy")
        }
    }
}
