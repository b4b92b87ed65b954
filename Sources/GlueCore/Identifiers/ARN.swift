/// An Amazon Resource Name: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
///
/// The resource part may itself contain `:` and `/` (`table/sales/orders`,
/// `assumed-role/R/session`); everything after the fifth colon belongs to it. Region and account may
/// be empty, as in S3 ARNs (`arn:aws:s3:::bucket/key`).
public struct ARN: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// `aws`, `aws-cn` or `aws-us-gov`.
    public var partition: String
    /// The service namespace: `s3`, `glue`, `iam`, `sts`, `kms`, `logs`, ...
    public var service: String
    /// The region, empty for global services and S3.
    public var region: String
    /// The 12-digit account, empty for S3 buckets and AWS managed policies.
    public var account: String
    /// Everything after the fifth colon.
    public var resource: String

    /// Creates an ARN from its parts.
    public init(partition: String = "aws", service: String, region: String = "", account: String = "", resource: String) {
        self.partition = partition
        self.service = service
        self.region = region
        self.account = account
        self.resource = resource
    }

    /// Parses an ARN string.
    ///
    /// - Throws: `InvalidInputException` when the string has fewer than six colon-separated parts,
    ///   does not start with `arn:`, or has an empty partition or service.
    public init(parsing text: String) throws(GlueError) {
        guard let arn = ARN(text) else {
            throw GlueError(.invalidInput, "Invalid ARN: \"\(text)\"")
        }
        self = arn
    }

    /// Parses an ARN string, returning `nil` when it is not one.
    public init?(_ text: String) {
        var parts: [Substring] = []
        parts.reserveCapacity(6)
        var rest = Substring(text)
        while parts.count < 5, let colon = rest.firstIndex(of: ":") {
            parts.append(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        guard parts.count == 5, parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        self.init(
            partition: String(parts[1]), service: String(parts[2]), region: String(parts[3]),
            account: String(parts[4]), resource: String(rest))
    }

    public var description: String { "arn:\(partition):\(service):\(region):\(account):\(resource)" }

    public static func < (lhs: ARN, rhs: ARN) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let arn = ARN(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Invalid ARN: \"\(text)\"")
        }
        self = arn
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension ARN {
    /// The ARN of an S3 bucket: `arn:aws:s3:::BUCKET`.
    public static func s3Bucket(_ bucket: String, partition: String = "aws") -> ARN {
        ARN(partition: partition, service: "s3", resource: bucket)
    }

    /// The ARN of an S3 object: `arn:aws:s3:::BUCKET/KEY`.
    public static func s3Object(bucket: String, key: String, partition: String = "aws") -> ARN {
        ARN(partition: partition, service: "s3", resource: "\(bucket)/\(key)")
    }

    /// The ARN of an IAM role, with its path: `arn:aws:iam::ACCOUNT:role/PATH/NAME`.
    public static func iamRole(account: String, name: String, path: String = "/") -> ARN {
        ARN(service: "iam", account: account, resource: "role\(path)\(name)")
    }

    /// The ARN of an assumed-role session: `arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION`.
    public static func assumedRole(account: String, roleName: String, sessionName: String) -> ARN {
        ARN(service: "sts", account: account, resource: "assumed-role/\(roleName)/\(sessionName)")
    }

    /// The account root principal: `arn:aws:iam::ACCOUNT:root`.
    public static func accountRoot(_ account: String) -> ARN {
        ARN(service: "iam", account: account, resource: "root")
    }

    /// The ARN of the Glue Data Catalog: `arn:aws:glue:REGION:ACCOUNT:catalog`.
    public static func glueCatalog(region: String, account: String) -> ARN {
        ARN(service: "glue", region: region, account: account, resource: "catalog")
    }

    /// The ARN of a Glue database: `arn:aws:glue:REGION:ACCOUNT:database/NAME`.
    public static func glueDatabase(region: String, account: String, name: String) -> ARN {
        ARN(service: "glue", region: region, account: account, resource: "database/\(name)")
    }

    /// The ARN of a Glue table: `arn:aws:glue:REGION:ACCOUNT:table/DATABASE/NAME`.
    public static func glueTable(region: String, account: String, database: String, name: String) -> ARN {
        ARN(service: "glue", region: region, account: account, resource: "table/\(database)/\(name)")
    }

    /// The ARN of a Glue job: `arn:aws:glue:REGION:ACCOUNT:job/NAME`.
    public static func glueJob(region: String, account: String, name: String) -> ARN {
        ARN(service: "glue", region: region, account: account, resource: "job/\(name)")
    }
}
