/// What a crawler does when it finds a changed or a deleted object.
///
/// Mirrors Glue's `SchemaChangePolicy`. `UpdateBehavior`: `UPDATE_IN_DATABASE` (default) or `LOG`;
/// `DeleteBehavior`: `DEPRECATE_IN_DATABASE` (default), `DELETE_FROM_DATABASE` or `LOG`. New tables
/// and partitions are created whatever the policy.
public struct SchemaChangePolicy: Codable, Hashable, Sendable {
    /// `UPDATE_IN_DATABASE` or `LOG`.
    public var updateBehavior: String?
    /// `DEPRECATE_IN_DATABASE`, `DELETE_FROM_DATABASE` or `LOG`.
    public var deleteBehavior: String?

    /// Creates a policy.
    public init(updateBehavior: String? = nil, deleteBehavior: String? = nil) {
        self.updateBehavior = updateBehavior
        self.deleteBehavior = deleteBehavior
    }

    /// The allowed `UpdateBehavior` values.
    public static let updateBehaviors = ["LOG", "UPDATE_IN_DATABASE"]
    /// The allowed `DeleteBehavior` values.
    public static let deleteBehaviors = ["LOG", "DELETE_FROM_DATABASE", "DEPRECATE_IN_DATABASE"]

    /// The update behaviour in effect (`UPDATE_IN_DATABASE` when absent).
    public var effectiveUpdateBehavior: String { updateBehavior ?? "UPDATE_IN_DATABASE" }
    /// The delete behaviour in effect (`DEPRECATE_IN_DATABASE` when absent).
    public var effectiveDeleteBehavior: String { deleteBehavior ?? "DEPRECATE_IN_DATABASE" }

    enum CodingKeys: String, CodingKey {
        case updateBehavior = "UpdateBehavior", deleteBehavior = "DeleteBehavior"
    }
}
