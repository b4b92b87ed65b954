import Foundation
import GlueCore
import GlueIAM

/// IAM's response shapes, as the AWS CLI prints them (policy documents as JSON objects, dates
/// without fractions: `2026-11-22T12:00:00+00:00`).
enum IAMOutput {
    struct Role: Encodable {
        var Path: String
        var RoleName: String
        var RoleId: String
        var Arn: String
        var CreateDate: String
        var AssumeRolePolicyDocument: JSONOutput
        var Description: String?
        var MaxSessionDuration: Int
        var PermissionsBoundary: Boundary?

        init(_ role: IAMRole) {
            Path = role.path
            RoleName = role.roleName
            RoleId = role.roleId
            Arn = role.arn
            CreateDate = IAMOutput.date(role.createDate)
            AssumeRolePolicyDocument = JSONOutput(json: role.assumeRolePolicyDocument)
            Description = role.description
            MaxSessionDuration = role.maxSessionDuration
            PermissionsBoundary = role.permissionsBoundaryArn.map { Boundary(PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: $0) }
        }
    }

    struct Boundary: Encodable {
        var PermissionsBoundaryType: String
        var PermissionsBoundaryArn: String
    }

    struct Policy: Encodable {
        var PolicyName: String
        var PolicyId: String
        var Arn: String
        var Path: String
        var DefaultVersionId: String
        var AttachmentCount: Int
        var PermissionsBoundaryUsageCount: Int
        var IsAttachable: Bool
        var Description: String?
        var CreateDate: String
        var UpdateDate: String

        init(_ policy: ManagedPolicy, withDescription: Bool) {
            PolicyName = policy.policyName
            PolicyId = policy.policyId
            Arn = policy.arn
            Path = policy.path
            DefaultVersionId = policy.defaultVersionId
            AttachmentCount = policy.attachmentCount
            PermissionsBoundaryUsageCount = 0
            IsAttachable = true
            Description = withDescription ? policy.description : nil
            CreateDate = policy.createDate
            UpdateDate = policy.updateDate
        }
    }

    static func date(_ date: Date) -> String {
        let text = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down)).ISO8601Format()
        return text.hasSuffix("Z") ? String(text.dropLast()) + "+00:00" : text
    }
}

/// A JSON value printed as JSON (a policy document inside a response).
struct JSONOutput: Encodable {
    var value: JSONValue

    init(_ value: JSONValue) { self.value = value }

    /// The parsed text, or the text itself as a string when it is not JSON.
    init(json text: String) {
        value = (try? JSONValue(parsing: text)) ?? .string(text)
    }

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        switch value {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .number(let text):
            var container = encoder.singleValueContainer()
            if let integer = Int64(text) { try container.encode(integer) } else { try container.encode(Double(text) ?? 0) }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(JSONOutput(item)) }
        case .object(let members):
            var container = encoder.container(keyedBy: Key.self)
            for member in members { try container.encode(JSONOutput(member.value), forKey: Key(stringValue: member.key)) }
        }
    }
}
