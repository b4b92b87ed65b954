import GlueCore

/// One entry of a `Principal` or `NotPrincipal` element, classified as IAM's principal table says.
public enum PolicyPrincipal: Sendable, Hashable {
    /// `"*"` or `{"AWS": "*"}`: anyone (a direct grant).
    case anyone
    /// An account, written as `111122223333` or `arn:aws:iam::111122223333:root` (delegation to IAM).
    case account(String)
    /// An IAM user ARN (matched exactly, case-sensitively).
    case user(String)
    /// An IAM role ARN: matches that role's sessions (the path is ignored).
    case role(account: String, name: String, arn: String)
    /// One assumed-role session ARN (matched exactly).
    case session(String)
    /// Another AWS ARN, matched exactly (federated users, ...).
    case otherARN(String)
    /// A service principal such as `glue.amazonaws.com`.
    case service(String)
    /// A `Federated` principal.
    case federated(String)
    /// A `CanonicalUser` principal.
    case canonicalUser(String)
    /// An `AWS` value that is neither an account nor an ARN: matches nothing.
    case invalid(String)

    /// Classifies one value of the `AWS` key.
    init(aws text: String) {
        if text == "*" {
            self = .anyone
            return
        }
        if text.utf8.count == 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            self = .account(text)
            return
        }
        guard let arn = ARNParts(text) else {
            self = .invalid(text)
            return
        }
        if text.contains("*") || text.contains("?") {
            self = .invalid(text)
            return
        }
        switch arn.service {
        case "iam" where arn.resource == "root":
            self = .account(String(arn.account))
        case "iam" where arn.resource.hasPrefix("user/"):
            self = .user(text)
        case "iam" where arn.resource.hasPrefix("role/"):
            let name = arn.resource.split(separator: "/").last.map(String.init) ?? ""
            self = .role(account: String(arn.account), name: name, arn: text)
        case "sts" where arn.resource.hasPrefix("assumed-role/"):
            self = .session(text)
        default:
            self = .otherARN(text)
        }
    }
}

/// A light ARN split used on hot paths: the six parts as strings.
struct ARNParts: Sendable, Hashable {
    let partition: Substring
    let service: Substring
    let region: Substring
    let account: Substring
    let resource: Substring

    init?(_ text: String) {
        var parts: [Substring] = []
        var rest = Substring(text)
        while parts.count < 5, let colon = rest.firstIndex(of: ":") {
            parts.append(rest[..<colon])
            rest = rest[rest.index(after: colon)...]
        }
        guard parts.count == 5, parts[0] == "arn", !parts[1].isEmpty, !parts[2].isEmpty else { return nil }
        partition = parts[1]
        service = parts[2]
        region = parts[3]
        account = parts[4]
        resource = rest
    }
}
