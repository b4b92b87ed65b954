import GlueCore

/// The AWS managed policies LocalGlue bundles, copied from AWS's published default versions:
/// `AWSGlueServiceRole`, `AmazonS3ReadOnlyAccess`, `AmazonS3FullAccess`, `AWSGlueConsoleFullAccess`,
/// `AdministratorAccess`. They live as JSON files in `Sources/GlueIAM/ManagedPolicies/` and are
/// embedded at build time (`scripts/iam-embed-data.py`).
public enum AWSManagedPolicies {
    /// Every bundled policy, by name.
    public static let all: [ManagedPolicy] = embeddedFiles.keys.sorted().compactMap { name in
        guard let text = embeddedFiles[name] else { return nil }
        return ManagedPolicy(awsManagedJSON: text)
    }

    /// The bundled policy with this ARN (`arn:aws:iam::aws:policy/service-role/AWSGlueServiceRole`).
    public static func policy(arn: String) -> ManagedPolicy? {
        all.first { $0.arn == arn }
    }

    /// The bundled policy with this name.
    public static func policy(named name: String) -> ManagedPolicy? {
        all.first { $0.policyName == name }
    }
}

/// A managed policy: an AWS managed one or a customer managed one. Mirrors IAM's `Policy`.
public struct ManagedPolicy: Sendable {
    /// `PolicyName`.
    public var policyName: String
    /// `PolicyId` (`ANPA...`).
    public var policyId: String
    /// `Arn`.
    public var arn: String
    /// `Path`.
    public var path: String
    /// `DefaultVersionId`.
    public var defaultVersionId: String
    /// `Description`.
    public var description: String?
    /// `CreateDate` as the AWS CLI prints it.
    public var createDate: String
    /// `UpdateDate` as the AWS CLI prints it.
    public var updateDate: String
    /// `AttachmentCount`.
    public var attachmentCount: Int
    /// The policy document's JSON text.
    public var documentJSON: String
    /// The compiled document.
    public var document: PolicyDocument

    /// Whether AWS manages the policy (`arn:aws:iam::aws:policy/...`).
    public var isAWSManaged: Bool { arn.hasPrefix("arn:aws:iam::aws:policy/") }

    /// Creates a policy.
    public init(
        policyName: String, policyId: String, arn: String, path: String, defaultVersionId: String,
        description: String?, createDate: String, updateDate: String, attachmentCount: Int, documentJSON: String,
        document: PolicyDocument
    ) {
        self.policyName = policyName
        self.policyId = policyId
        self.arn = arn
        self.path = path
        self.defaultVersionId = defaultVersionId
        self.description = description
        self.createDate = createDate
        self.updateDate = updateDate
        self.attachmentCount = attachmentCount
        self.documentJSON = documentJSON
        self.document = document
    }

    init?(awsManagedJSON text: String) {
        guard let value = try? JSONValue(parsing: text), let name = value["PolicyName"]?.stringValue,
            let arn = value["Arn"]?.stringValue, let documentValue = value["PolicyDocument"]
        else { return nil }
        let documentJSON = documentValue.serialized(pretty: true)
        guard let document = try? PolicyDocument(json: documentJSON, name: arn) else { return nil }
        self.init(
            policyName: name, policyId: "ANPA" + String(name.uppercased().filter { $0.isLetter }.prefix(17)),
            arn: arn, path: value["Path"]?.stringValue ?? "/",
            defaultVersionId: value["DefaultVersionId"]?.stringValue ?? "v1",
            description: value["Description"]?.stringValue, createDate: "2015-02-06T18:39:46+00:00",
            updateDate: "2015-02-06T18:39:46+00:00", attachmentCount: 0, documentJSON: documentJSON, document: document)
    }
}
