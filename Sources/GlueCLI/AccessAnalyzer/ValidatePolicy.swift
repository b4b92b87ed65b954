import ArgumentParser
import GlueCore
import GlueIAM

/// `localglue accessanalyzer validate-policy`. Mirrors Access Analyzer `ValidatePolicy`.
struct ValidatePolicy: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate-policy", abstract: "Check a policy's grammar and best practices (Access Analyzer ValidatePolicy).")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("policy-document"), help: "The policy (JSON or file://PATH).") var policyDocument: String
    @Option(name: .customLong("policy-type"), help: "IDENTITY_POLICY, RESOURCE_POLICY, SERVICE_CONTROL_POLICY or RESOURCE_CONTROL_POLICY.") var policyType: String
    @Option(name: .customLong("validate-policy-resource-type"), help: "AWS::IAM::AssumeRolePolicyDocument for a trust policy, AWS::S3::Bucket, ...") var resourceType: String?

    func run() async throws {
        let document = try ParameterInput.text(policyDocument, option: "--policy-document")
        guard let type = PolicyValidator.PolicyType(rawValue: policyType) else {
            throw GlueError(
                .validationException,
                "1 validation error detected: Value '\(policyType)' at 'policyType' failed to satisfy constraint: Member must satisfy enum value set: [IDENTITY_POLICY, RESOURCE_POLICY, SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY]",
                operation: "ValidatePolicy")
        }
        let findings = PolicyValidator.validatePolicy(policyDocument: document, policyType: type, resourceType: resourceType)
        try OutputPrinter(format: global.output).print(
            JSONOutput(.object([JSONMember("findings", .array(findings.map(\.jsonValue)))])))
    }
}
