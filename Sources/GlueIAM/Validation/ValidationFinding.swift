import GlueCore

/// One finding of `validate-policy`, in IAM Access Analyzer's `ValidatePolicyFinding` shape.
public struct ValidationFinding: Sendable, Hashable {
    /// Access Analyzer's four finding types.
    public enum FindingType: String, Sendable, Hashable, CaseIterable {
        /// A part of the policy is not functional (or IAM would refuse it).
        case error = "ERROR"
        /// The policy allows access that is overly permissive.
        case securityWarning = "SECURITY_WARNING"
        /// The policy does not follow policy-writing best practice.
        case warning = "WARNING"
        /// A stylistic improvement that does not change access.
        case suggestion = "SUGGESTION"
    }

    /// One step of a location's path (Access Analyzer's `PathElement`).
    public enum PathElement: Sendable, Hashable {
        /// An element of an array.
        case index(Int)
        /// The value of an object member (`{"value": "Statement"}`).
        case value(String)
        /// An object member's key itself.
        case key(String)
    }

    /// A place in the policy text: 1-based line, 0-based column and offset (Access Analyzer's `Position`).
    public struct Position: Sendable, Hashable {
        /// 1-based line.
        public var line: Int
        /// 0-based column.
        public var column: Int
        /// 0-based offset in the text.
        public var offset: Int
    }

    /// A location: the JSON path and the span of text it covers.
    public struct Location: Sendable, Hashable {
        /// The path from the document's root.
        public var path: [PathElement]
        /// Where the text starts and ends.
        public var start: Position
        /// Just past the last character.
        public var end: Position
    }

    /// `ERROR`, `SECURITY_WARNING`, `WARNING` or `SUGGESTION`.
    public var findingType: FindingType
    /// The issue code, such as `MISSING_ARN_FIELD`.
    public var issueCode: String
    /// What is wrong and how to fix it.
    public var findingDetails: String
    /// The Access Analyzer documentation of the check.
    public var learnMoreLink: String
    /// Where in the policy the problem is.
    public var locations: [Location]

    /// The finding as Access Analyzer's JSON object.
    public var jsonValue: JSONValue {
        .object([
            JSONMember("findingDetails", .string(findingDetails)),
            JSONMember("findingType", .string(findingType.rawValue)),
            JSONMember("issueCode", .string(issueCode)),
            JSONMember("learnMoreLink", .string(learnMoreLink)),
            JSONMember(
                "locations",
                .array(
                    locations.map { location in
                        .object([
                            JSONMember(
                                "path",
                                .array(
                                    location.path.map { element in
                                        switch element {
                                        case .index(let index): return .object([JSONMember("index", .number(String(index)))])
                                        case .value(let text): return .object([JSONMember("value", .string(text))])
                                        case .key(let text): return .object([JSONMember("key", .string(text))])
                                        }
                                    })),
                            JSONMember(
                                "span",
                                .object([
                                    JSONMember("start", ValidationFinding.positionJSON(location.start)),
                                    JSONMember("end", ValidationFinding.positionJSON(location.end)),
                                ])),
                        ])
                    })),
        ])
    }

    private static func positionJSON(_ position: Position) -> JSONValue {
        .object([
            JSONMember("line", .number(String(position.line))),
            JSONMember("column", .number(String(position.column))),
            JSONMember("offset", .number(String(position.offset))),
        ])
    }
}
