import GlueCore
import GlueIAM

/// A role with everything that decides what it may do, read from the lake's IAM state: the trust
/// policy, inline policies, attached managed policies and the permissions boundary. Policy
/// documents are kept as the lake stores them (the JSON text as it was put), so the deployed role
/// gets exactly the permissions the job was tested with.
public struct ExportedRole: Sendable, Equatable {
    /// A managed policy: AWS managed ones are attached by ARN; customer managed ones are created.
    public struct Managed: Sendable, Equatable {
        public var arn: String
        public var name: String
        public var path: String
        public var description: String?
        public var document: String
        public var isAWSManaged: Bool
    }

    public var roleName: String
    public var path: String
    public var description: String?
    public var maxSessionDuration: Int
    public var trustPolicy: String
    /// Inline policies `(PolicyName, PolicyDocument)`, by name.
    public var inlinePolicies: [(name: String, document: String)]
    /// Attached managed policies, in attachment listing order.
    public var managedPolicies: [Managed]
    public var permissionsBoundary: Managed?

    public static func == (lhs: ExportedRole, rhs: ExportedRole) -> Bool {
        lhs.roleName == rhs.roleName && lhs.path == rhs.path && lhs.description == rhs.description
            && lhs.maxSessionDuration == rhs.maxSessionDuration && lhs.trustPolicy == rhs.trustPolicy
            && lhs.inlinePolicies.map(\.name) == rhs.inlinePolicies.map(\.name)
            && lhs.inlinePolicies.map(\.document) == rhs.inlinePolicies.map(\.document)
            && lhs.managedPolicies == rhs.managedPolicies && lhs.permissionsBoundary == rhs.permissionsBoundary
    }

    /// The role name of a job's `Role` (a name or an ARN).
    public static func roleName(_ nameOrARN: String) -> String { SQLiteIAMStore.roleName(fromNameOrARN: nameOrARN) }

    /// Reads a role and its policies from the lake.
    ///
    /// - Throws: `NoSuchEntity` naming the role when it does not exist.
    public static func load(_ nameOrARN: String, from iam: SQLiteIAMStore) throws(GlueError) -> ExportedRole {
        let name = roleName(nameOrARN)
        let role = try iam.getRole(roleName: name)
        var inline: [(name: String, document: String)] = []
        for policyName in try iam.listRolePolicies(roleName: role.roleName).sorted() {
            inline.append((policyName, try iam.getRolePolicy(roleName: role.roleName, policyName: policyName).policyDocument))
        }
        var managed: [Managed] = []
        for attached in try iam.listAttachedRolePolicies(roleName: role.roleName) {
            managed.append(Self.managed(try iam.managedPolicy(arn: attached.policyArn)))
        }
        let boundary = try role.permissionsBoundaryArn.map { (arn) throws(GlueError) in Self.managed(try iam.managedPolicy(arn: arn)) }
        return ExportedRole(
            roleName: role.roleName, path: role.path, description: role.description, maxSessionDuration: role.maxSessionDuration,
            trustPolicy: role.assumeRolePolicyDocument, inlinePolicies: inline, managedPolicies: managed, permissionsBoundary: boundary)
    }

    static func managed(_ policy: ManagedPolicy) -> Managed {
        Managed(
            arn: policy.arn, name: policy.policyName, path: policy.path, description: policy.description, document: policy.documentJSON,
            isAWSManaged: policy.isAWSManaged)
    }
}
