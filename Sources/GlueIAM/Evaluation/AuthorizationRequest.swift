import GlueCore

/// One request to authorize: who, which action, on which resource, with which context.
///
/// Context keys are case-insensitive (`aws:SourceIp` ≡ `AWS:SOURCEIP`); a key with an empty list
/// of values is absent. Build one per object or catalog call.
public struct AuthorizationRequest: Sendable {
    /// The caller: an assumed-role session (`arn:aws:sts::A:assumed-role/R/S`), a role, a user.
    public var principal: ARN
    /// The action in IAM's spelling, such as `s3:GetObject` (case-insensitive).
    public var action: String
    /// The resource ARN, or `*` for account-level actions such as `s3:ListAllMyBuckets`.
    public var resource: String
    /// The request context: condition keys to values (multivalued keys have several).
    public var context: [String: [String]] {
        didSet { normalizedContext = RequestContext(context) }
    }
    /// The account that owns the resource; `nil` means the account in the resource ARN, else the
    /// principal's (S3 ARNs carry no account).
    public var resourceAccount: String?
    /// A service principal making the call (`glue.amazonaws.com` assuming a role), instead of
    /// `principal`. Services have no identity policies: only a resource policy can allow them.
    public var servicePrincipal: String?

    private(set) var normalizedContext: RequestContext

    /// Creates a request.
    public init(
        principal: ARN, action: String, resource: String, context: [String: [String]] = [:],
        resourceAccount: String? = nil
    ) {
        self.principal = principal
        self.action = action
        self.resource = resource
        self.context = context
        self.resourceAccount = resourceAccount
        self.servicePrincipal = nil
        self.normalizedContext = RequestContext(context)
    }

    /// Creates a request made by a service principal (`glue.amazonaws.com`), as when a service
    /// assumes a role; `principal` is set to a placeholder service ARN.
    public init(
        servicePrincipal: String, action: String, resource: String, context: [String: [String]] = [:],
        resourceAccount: String? = nil
    ) {
        self.init(
            principal: ARN(service: "iam", resource: "service/\(servicePrincipal)"), action: action,
            resource: resource, context: context, resourceAccount: resourceAccount)
        self.servicePrincipal = servicePrincipal
    }

    /// Whether the principal's account owns the resource (``effectiveResourceAccount``), decided
    /// without allocating: the resource ARN's account field is compared in place.
    var isSameAccount: Bool {
        if let resourceAccount, !resourceAccount.isEmpty { return resourceAccount == principal.account }
        var resource = resource
        let principalAccount = principal.account
        return resource.withUTF8 { bytes -> Bool in
            // arn:PARTITION:SERVICE:REGION:ACCOUNT:...: the account lies between the 4th and 5th colons.
            guard bytes.count > 4, bytes[0] == UInt8(ascii: "a"), bytes[1] == UInt8(ascii: "r"), bytes[2] == UInt8(ascii: "n"),
                bytes[3] == UInt8(ascii: ":")
            else { return true }
            var colons = 0
            var start = -1
            var end = -1
            for offset in 0..<bytes.count where bytes[offset] == UInt8(ascii: ":") {
                colons += 1
                if colons == 4 { start = offset + 1 }
                if colons == 5 {
                    end = offset
                    break
                }
            }
            guard start >= 0, end >= start, end > start else { return true }
            var principalAccount = principalAccount
            return principalAccount.withUTF8 { account in
                guard account.count == end - start else { return false }
                for index in 0..<account.count where account[index] != bytes[start + index] { return false }
                return true
            }
        }
    }

    /// The account that owns the resource, as the evaluator decides same- vs cross-account.
    public var effectiveResourceAccount: String {
        if let resourceAccount, !resourceAccount.isEmpty { return resourceAccount }
        if let arn = ARNParts(resource), !arn.account.isEmpty { return String(arn.account) }
        return principal.account
    }
}
