import Foundation
/// The job role as deployment files: `aws iam` commands (`JOB.iam.sh`) and a CloudFormation
/// snippet (`JOB.cloudformation.yaml`). Customer managed policies are created in the deploying
/// account (their ARNs use that account's ID); AWS managed ones are attached by ARN.
struct RoleScripts {
    let role: ExportedRole
    let jobName: String
    let version: String

    /// The customer managed policies to create: the attached ones, then the boundary if it is not
    /// one of them.
    var customerPolicies: [ExportedRole.Managed] {
        var list = role.managedPolicies.filter { !$0.isAWSManaged }
        if let boundary = role.permissionsBoundary, !boundary.isAWSManaged, !list.contains(where: { $0.arn == boundary.arn }) { list.append(boundary) }
        return list
    }

    // MARK: - aws iam

    func shell() -> String {
        var lines: [String] = [
            "#!/usr/bin/env bash",
            "# The IAM role of Glue job \(jobName), exported by localglue \(version) from the lake's IAM state: the trust",
            "# policy, inline policies, managed policies and permissions boundary the job was tested with, documents unchanged.",
            "# Run with AWS credentials allowed to create roles and policies. ACCOUNT_ID defaults to the caller's account.",
            "set -euo pipefail",
            "ACCOUNT_ID=\"${ACCOUNT_ID:-$(aws sts get-caller-identity --query Account --output text)}\"",
            "",
        ]
        for policy in customerPolicies {
            var command = "aws iam create-policy --policy-name \(Self.quote(policy.name)) --path \(Self.quote(policy.path))"
            if let description = policy.description, !description.isEmpty { command += " --description \(Self.quote(description))" }
            command += " \\\n    --policy-document \(Self.quote(policy.document))"
            lines.append("# Customer managed policy \(policy.name)")
            lines.append(command)
            lines.append("")
        }
        var create = "aws iam create-role --role-name \(Self.quote(role.roleName)) --path \(Self.quote(role.path))"
        if let description = role.description, !description.isEmpty { create += " --description \(Self.quote(description))" }
        if role.maxSessionDuration != 3600 { create += " --max-session-duration \(role.maxSessionDuration)" }
        if let boundary = role.permissionsBoundary { create += " \\\n    --permissions-boundary \(arnExpression(boundary))" }
        create += " \\\n    --assume-role-policy-document \(Self.quote(role.trustPolicy))"
        lines.append("# The role and its trust policy")
        lines.append(create)
        lines.append("")
        for policy in role.inlinePolicies {
            lines.append("# Inline policy \(policy.name)")
            lines.append("aws iam put-role-policy --role-name \(Self.quote(role.roleName)) --policy-name \(Self.quote(policy.name)) \\\n    --policy-document \(Self.quote(policy.document))")
            lines.append("")
        }
        for policy in role.managedPolicies {
            lines.append("aws iam attach-role-policy --role-name \(Self.quote(role.roleName)) --policy-arn \(arnExpression(policy))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An AWS managed policy's ARN as it is; a customer managed one in the deploying account. IAM
    /// paths may hold any printable ASCII (`$`, `` ` ``, `"`), so a path or name with anything but
    /// IAM's name characters is appended single-quoted, never inside the double quotes.
    func arnExpression(_ policy: ExportedRole.Managed) -> String {
        guard !policy.isAWSManaged else { return Self.quote(policy.arn) }
        let suffix = policy.path + policy.name
        let plain = suffix.unicodeScalars.allSatisfy { scalar in
            ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || "+=,.@_/-".unicodeScalars.contains(scalar)
        }
        return plain ? "\"arn:aws:iam::${ACCOUNT_ID}:policy\(suffix)\"" : "\"arn:aws:iam::${ACCOUNT_ID}:policy\"" + Self.quote(suffix)
    }

    /// A single-quoted shell word (`'` written as `'"'"'`).
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\"'\"'") + "'"
    }

    // MARK: - CloudFormation

    func cloudFormation() -> String {
        var lines: [String] = [
            "# The IAM role of Glue job \(jobName), exported by localglue \(version): the trust policy, inline policies,",
            "# managed policies and permissions boundary it was tested with. Policy documents are the lake's JSON text.",
            "AWSTemplateFormatVersion: \"2010-09-09\"",
            "Description: \(Self.yamlString("IAM role of Glue job \(jobName)"))",
            "Resources:",
        ]
        var logical: [String: String] = [:]
        var usedIDs: Set<String> = ["JobRole"]
        for policy in customerPolicies {
            var id = "Policy" + StudioNames.clean(policy.name)
            while usedIDs.contains(id) { id += "X" }
            usedIDs.insert(id)
            logical[policy.arn] = id
            lines.append("  \(id):")
            lines.append("    Type: AWS::IAM::ManagedPolicy")
            lines.append("    Properties:")
            lines.append("      ManagedPolicyName: \(Self.yamlString(policy.name))")
            lines.append("      Path: \(Self.yamlString(policy.path))")
            if let description = policy.description, !description.isEmpty { lines.append("      Description: \(Self.yamlString(description))") }
            lines.append("      PolicyDocument:")
            lines.append(Self.indented(policy.document, by: 8))
        }
        lines.append("  JobRole:")
        lines.append("    Type: AWS::IAM::Role")
        lines.append("    Properties:")
        lines.append("      RoleName: \(Self.yamlString(role.roleName))")
        lines.append("      Path: \(Self.yamlString(role.path))")
        if let description = role.description, !description.isEmpty { lines.append("      Description: \(Self.yamlString(description))") }
        lines.append("      MaxSessionDuration: \(role.maxSessionDuration)")
        if let boundary = role.permissionsBoundary {
            lines.append("      PermissionsBoundary: " + (logical[boundary.arn].map { "!Ref \($0)" } ?? Self.yamlString(boundary.arn)))
        }
        lines.append("      AssumeRolePolicyDocument:")
        lines.append(Self.indented(role.trustPolicy, by: 8))
        if !role.managedPolicies.isEmpty {
            lines.append("      ManagedPolicyArns:")
            for policy in role.managedPolicies {
                lines.append("        - " + (logical[policy.arn].map { "!Ref \($0)" } ?? Self.yamlString(policy.arn)))
            }
        }
        if !role.inlinePolicies.isEmpty {
            lines.append("      Policies:")
            for policy in role.inlinePolicies {
                lines.append("        - PolicyName: \(Self.yamlString(policy.name))")
                lines.append("          PolicyDocument:")
                lines.append(Self.indented(policy.document, by: 12))
            }
        }
        lines.append("Outputs:")
        lines.append("  RoleArn:")
        lines.append("    Value: !GetAtt JobRole.Arn")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON document as a YAML flow node: every line of the text, indented (JSON is YAML).
    static func indented(_ json: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        var text = json
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
    }

    /// A YAML double-quoted scalar (JSON string escaping, which YAML accepts).
    static func yamlString(_ text: String) -> String { PythonLiteral.string(text) }
}
