import GlueColumnar
import GlueCore

/// Splits a frame's fields into two frames: the listed fields, and the rest. Mirrors Glue's
/// `SplitFields` (`split_fields(paths, name1, name2)` returns a DynamicFrameCollection); pick a
/// frame with ``SelectFromCollection``.
///
/// In a pipeline both frames are operators fed by the same input (fan-out).
public struct SplitFields: Sendable {
    /// The fields of the first frame.
    public let paths: [FieldPath]

    /// Creates the transform.
    public init(_ paths: [FieldPath]) { self.paths = paths }

    /// The collection: index 0 holds the listed fields, index 1 the rest.
    public var collection: [any BatchOperator] { [SelectFields(paths), DropFields(paths)] }
}

/// Picks one frame of a collection by index. Mirrors Glue's `SelectFromCollection` (Studio node
/// with `Index`).
public struct SelectFromCollection: Sendable {
    /// The position in the collection (0-based).
    public let index: Int

    /// Creates the transform.
    public init(index: Int) { self.index = index }

    /// The chosen operator.
    ///
    /// - Throws: `InvalidInputException` when the index is outside the collection.
    public func select(from collection: [any BatchOperator]) throws(GlueError) -> any BatchOperator {
        guard index >= 0, index < collection.count else {
            throw GlueError(.invalidInput, "SelectFromCollection index \(index) is outside a collection of \(collection.count) frames.")
        }
        return collection[index]
    }
}
