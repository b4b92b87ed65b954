import GlueCore

/// The linter's knowledge of S3, Glue, IAM, STS, KMS and CloudWatch Logs: actions with the resource
/// types and condition keys they take, resource types with their ARN formats, condition keys with
/// their types. Generated from the Service Authorization Reference (see `scripts/iam-action-tables.py`).
struct ActionTables: Sendable {
    struct Action: Sendable {
        /// The name as AWS spells it (`GetObject`).
        let name: String
        /// Resource type names; a trailing `*` marks a required one. Empty: only `Resource: "*"`.
        let resourceTypes: [String]
        /// Condition keys the action supports (lower-cased).
        let conditionKeys: Set<String>
    }

    struct Service: Sendable {
        let prefix: String
        /// Actions by lower-cased name.
        let actions: [String: Action]
        /// ARN formats by resource type name.
        let resourceFormats: [String: String]
        /// Condition key types (`String`, `ARN`, `Numeric`, `Date`, `Bool`, `IPAddress`,
        /// `ArrayOfString`, ...) by lower-cased key; keys with `${...}` parts are kept as patterns.
        let conditionKeyTypes: [String: String]
        let conditionKeyPatterns: [(pattern: WildcardPattern, type: String)]

        func conditionKeyType(_ lowercasedKey: String) -> String? {
            if let type = conditionKeyTypes[lowercasedKey] { return type }
            return conditionKeyPatterns.first(where: { $0.pattern.matches(lowercasedKey) })?.type
        }
    }

    let services: [String: Service]

    /// The tables, parsed once from the embedded JSON.
    static let shared = ActionTables()

    private init() {
        var services: [String: Service] = [:]
        for (prefix, text) in ActionTables.embeddedFiles {
            guard let value = try? JSONValue(parsing: text) else { continue }
            var actions: [String: Action] = [:]
            for member in value["actions"]?.objectMembers ?? [] {
                let types = member.value["resourceTypes"]?.arrayValue?.compactMap(\.stringValue) ?? []
                let keys = member.value["conditionKeys"]?.arrayValue?.compactMap { $0.stringValue?.lowercased() } ?? []
                actions[member.key.lowercased()] = Action(name: member.key, resourceTypes: types, conditionKeys: Set(keys))
            }
            var formats: [String: String] = [:]
            for member in value["resourceTypes"]?.objectMembers ?? [] {
                if let arn = member.value["arn"]?.stringValue { formats[member.key] = arn }
            }
            var keyTypes: [String: String] = [:]
            var patterns: [(WildcardPattern, String)] = []
            for member in value["conditionKeys"]?.objectMembers ?? [] {
                guard let type = member.value.stringValue else { continue }
                let key = member.key.lowercased()
                if let open = key.firstIndex(of: "$") {
                    patterns.append((WildcardPattern(String(key[..<open]) + "*"), type))
                } else {
                    keyTypes[key] = type
                }
            }
            services[prefix] = Service(
                prefix: prefix, actions: actions, resourceFormats: formats, conditionKeyTypes: keyTypes,
                conditionKeyPatterns: patterns)
        }
        self.services = services
    }

    /// The actions of a service matching an action pattern (`Get*`), case-insensitively.
    func actions(of service: Service, matching pattern: String) -> [Action] {
        let compiled = WildcardPattern(pattern, caseInsensitive: true)
        if compiled.isLiteral { return service.actions[pattern.lowercased()].map { [$0] } ?? [] }
        return service.actions.values.filter { compiled.matches($0.name) }.sorted { $0.name < $1.name }
    }

    /// Global condition keys and their types (lower-cased), from the IAM user guide's list.
    static let globalKeyTypes: [String: String] = [
        "aws:calledvia": "ArrayOfString", "aws:calledviafirst": "String", "aws:calledvialast": "String",
        "aws:currenttime": "Date", "aws:epochtime": "Date", "aws:federatedprovider": "String",
        "aws:multifactorauthage": "Numeric", "aws:multifactorauthpresent": "Bool", "aws:principalaccount": "String",
        "aws:principalarn": "ARN", "aws:principalisawsservice": "Bool", "aws:principalorgid": "String",
        "aws:principalorgpaths": "ArrayOfString", "aws:principalservicename": "String",
        "aws:principalservicenameslist": "ArrayOfString", "aws:principaltype": "String", "aws:referer": "String",
        "aws:requestedregion": "String", "aws:resourceaccount": "String", "aws:resourceorgid": "String",
        "aws:resourceorgpaths": "ArrayOfString", "aws:securetransport": "Bool", "aws:sourceaccount": "String",
        "aws:sourcearn": "ARN", "aws:sourceidentity": "String", "aws:sourceip": "IPAddress",
        "aws:sourceorgid": "String", "aws:sourceorgpaths": "ArrayOfString", "aws:sourcevpc": "String",
        "aws:sourcevpce": "String", "aws:tagkeys": "ArrayOfString", "aws:tokenissuetime": "Date",
        "aws:useragent": "String", "aws:userid": "String", "aws:username": "String", "aws:viaawsservice": "Bool",
        "aws:vpcsourceip": "IPAddress", "aws:ec2instancesourcevpc": "String",
        "aws:ec2instancesourceprivateipv4": "IPAddress",
    ]

    /// Global keys with a `/name` part.
    static let globalKeyPrefixes: [(prefix: String, type: String)] = [
        ("aws:principaltag/", "String"), ("aws:requesttag/", "String"), ("aws:resourcetag/", "String"),
    ]

    static func globalKeyType(_ lowercasedKey: String) -> String? {
        if let type = globalKeyTypes[lowercasedKey] { return type }
        return globalKeyPrefixes.first(where: { lowercasedKey.hasPrefix($0.prefix) })?.type
    }
}
