/// A multi-dialect view's definition in a `TableInput`.
///
/// Mirrors Glue's `ViewDefinitionInput`.
public struct ViewDefinitionInput: Codable, Hashable, Sendable {
    /// Whether the view is protected.
    public var isProtected: Bool?
    /// The definer's ARN.
    public var definer: String?
    /// The view's text in each dialect.
    public var representations: [ViewRepresentationInput]?
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

    /// Creates a view definition input.
    public init(
        isProtected: Bool? = nil, definer: String? = nil, representations: [ViewRepresentationInput]? = nil,
        viewVersionId: Int64? = nil, viewVersionToken: String? = nil, refreshSeconds: Int64? = nil,
        lastRefreshType: String? = nil, subObjects: [String]? = nil, subObjectVersionIds: [Int64]? = nil
    ) {
        self.isProtected = isProtected
        self.definer = definer
        self.representations = representations
        self.viewVersionId = viewVersionId
        self.viewVersionToken = viewVersionToken
        self.refreshSeconds = refreshSeconds
        self.lastRefreshType = lastRefreshType
        self.subObjects = subObjects
        self.subObjectVersionIds = subObjectVersionIds
    }

    enum CodingKeys: String, CodingKey {
        case isProtected = "IsProtected", definer = "Definer", representations = "Representations"
        case viewVersionId = "ViewVersionId", viewVersionToken = "ViewVersionToken"
        case refreshSeconds = "RefreshSeconds", lastRefreshType = "LastRefreshType"
        case subObjects = "SubObjects", subObjectVersionIds = "SubObjectVersionIds"
    }
}

/// A view's text in one SQL dialect, in a request.
///
/// Mirrors Glue's `ViewRepresentationInput`.
public struct ViewRepresentationInput: Codable, Hashable, Sendable {
    /// `REDSHIFT`, `ATHENA` or `SPARK`.
    public var dialect: String?
    /// The dialect's version.
    public var dialectVersion: String?
    /// The `SELECT` text as written.
    public var viewOriginalText: String?
    /// The connection used to validate the view.
    public var validationConnection: String?
    /// The expanded text.
    public var viewExpandedText: String?

    /// Creates a representation input.
    public init(
        dialect: String? = nil, dialectVersion: String? = nil, viewOriginalText: String? = nil,
        validationConnection: String? = nil, viewExpandedText: String? = nil
    ) {
        self.dialect = dialect
        self.dialectVersion = dialectVersion
        self.viewOriginalText = viewOriginalText
        self.validationConnection = validationConnection
        self.viewExpandedText = viewExpandedText
    }

    enum CodingKeys: String, CodingKey {
        case dialect = "Dialect", dialectVersion = "DialectVersion", viewOriginalText = "ViewOriginalText"
        case validationConnection = "ValidationConnection", viewExpandedText = "ViewExpandedText"
    }
}
