/// A multi-dialect view's definition, as returned on a table.
///
/// Mirrors Glue's `ViewDefinition`; ``ViewDefinitionInput`` is the request form.
public struct ViewDefinition: Codable, Hashable, Sendable {
    /// Whether the view is protected.
    public var isProtected: Bool?
    /// The definer's ARN.
    public var definer: String?
    /// The view's version.
    public var viewVersionId: Int64?
    /// The view's version token.
    public var viewVersionToken: String?
    /// Refresh interval of a materialized view.
    public var refreshSeconds: Int64?
    /// `FULL` or `INCREMENTAL`.
    public var lastRefreshType: String?
    /// The ARNs of the tables the view reads.
    public var subObjects: [String]?
    /// The versions of those tables.
    public var subObjectVersionIds: [Int64]?
    /// The view's text in each dialect.
    public var representations: [ViewRepresentation]?

    /// Creates a view definition.
    public init(
        isProtected: Bool? = nil, definer: String? = nil, viewVersionId: Int64? = nil,
        viewVersionToken: String? = nil, refreshSeconds: Int64? = nil, lastRefreshType: String? = nil,
        subObjects: [String]? = nil, subObjectVersionIds: [Int64]? = nil, representations: [ViewRepresentation]? = nil
    ) {
        self.isProtected = isProtected
        self.definer = definer
        self.viewVersionId = viewVersionId
        self.viewVersionToken = viewVersionToken
        self.refreshSeconds = refreshSeconds
        self.lastRefreshType = lastRefreshType
        self.subObjects = subObjects
        self.subObjectVersionIds = subObjectVersionIds
        self.representations = representations
    }

    /// The stored form of a request's view definition.
    public init(_ input: ViewDefinitionInput) {
        self.init(
            isProtected: input.isProtected, definer: input.definer, viewVersionId: input.viewVersionId,
            viewVersionToken: input.viewVersionToken, refreshSeconds: input.refreshSeconds,
            lastRefreshType: input.lastRefreshType, subObjects: input.subObjects,
            subObjectVersionIds: input.subObjectVersionIds,
            representations: input.representations?.map(ViewRepresentation.init))
    }

    enum CodingKeys: String, CodingKey {
        case isProtected = "IsProtected", definer = "Definer", viewVersionId = "ViewVersionId"
        case viewVersionToken = "ViewVersionToken", refreshSeconds = "RefreshSeconds"
        case lastRefreshType = "LastRefreshType", subObjects = "SubObjects"
        case subObjectVersionIds = "SubObjectVersionIds", representations = "Representations"
    }
}

/// A view's text in one SQL dialect, as returned on a table.
///
/// Mirrors Glue's `ViewRepresentation`.
public struct ViewRepresentation: Codable, Hashable, Sendable {
    /// `REDSHIFT`, `ATHENA` or `SPARK`.
    public var dialect: String?
    /// The dialect's version.
    public var dialectVersion: String?
    /// The `SELECT` text as written.
    public var viewOriginalText: String?
    /// The expanded text.
    public var viewExpandedText: String?
    /// The connection used to validate the view.
    public var validationConnection: String?
    /// Whether the representation is stale.
    public var isStale: Bool?

    /// Creates a representation.
    public init(
        dialect: String? = nil, dialectVersion: String? = nil, viewOriginalText: String? = nil,
        viewExpandedText: String? = nil, validationConnection: String? = nil, isStale: Bool? = nil
    ) {
        self.dialect = dialect
        self.dialectVersion = dialectVersion
        self.viewOriginalText = viewOriginalText
        self.viewExpandedText = viewExpandedText
        self.validationConnection = validationConnection
        self.isStale = isStale
    }

    /// The stored form of a request's representation.
    public init(_ input: ViewRepresentationInput) {
        self.init(
            dialect: input.dialect, dialectVersion: input.dialectVersion, viewOriginalText: input.viewOriginalText,
            viewExpandedText: input.viewExpandedText, validationConnection: input.validationConnection)
    }

    enum CodingKeys: String, CodingKey {
        case dialect = "Dialect", dialectVersion = "DialectVersion", viewOriginalText = "ViewOriginalText"
        case viewExpandedText = "ViewExpandedText", validationConnection = "ValidationConnection"
        case isStale = "IsStale"
    }
}
