import GlueColumnar
import GlueCore
import Synchronization

/// Removes the fields whose every value is null. Mirrors `DropNullFields.apply(frame)` and Glue
/// Studio's `DropNullFields` node, whose options also count placeholder values as null:
/// `NullCheckBoxList` (`IsEmpty`: the empty string, `IsNullString`: the text `null`, `IsNegOne`:
/// the number -1) and `NullTextList` (custom values, each for one type).
///
/// Which fields go is known only after the last record, so the transform holds the frame until
/// then (a pipeline breaker); its planned schema is the input's, and the batches it emits carry
/// the reduced schema. Placeholders only decide which fields are dropped; kept values are not
/// changed. Top-level fields only.
public struct DropNullFields: BatchOperator {
    /// A custom null placeholder (`NullTextList` entry): a value and the type it applies to.
    public struct NullValue: Hashable, Sendable {
        /// The placeholder as text (`Value`).
        public var value: String
        /// The type it applies to (`Datatype.Id`, a Glue type name).
        public var dataType: DataType

        /// Creates a placeholder.
        public init(_ value: String, dataType: DataType) {
            self.value = value
            self.dataType = dataType
        }
    }

    /// `IsEmpty`.
    public let isEmpty: Bool
    /// `IsNullString`.
    public let isNullString: Bool
    /// `IsNegOne`.
    public let isNegOne: Bool
    /// `NullTextList`.
    public let nullValues: [NullValue]

    private let global = Global()

    private final class Global: Sendable {
        let state = Mutex<(batches: [(Int, RecordBatch)], allNull: [Bool]?)>(([], nil))
    }

    /// Creates the transform; without options only real nulls count.
    public init(isEmpty: Bool = false, isNullString: Bool = false, isNegOne: Bool = false, nullValues: [NullValue] = []) {
        self.isEmpty = isEmpty
        self.isNullString = isNullString
        self.isNegOne = isNegOne
        self.nullValues = nullValues
    }

    public var explainName: String { "DropNullFields" }
    public var explainDetail: String {
        var parts: [String] = []
        if isEmpty { parts.append("IsEmpty") }
        if isNullString { parts.append("IsNullString") }
        if isNegOne { parts.append("IsNegOne") }
        parts += nullValues.map { "\($0.value):\($0.dataType)" }
        return parts.joined(separator: ", ")
    }
    public var isPipelineBreaker: Bool { true }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { inputs[0] }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        let flags = try batch.columns.map { (column) throws(GlueError) in try allNull(column) }
        let sequence = context.sequence
        global.state.withLock { state in
            state.batches.append((sequence, batch))
            state.allNull = state.allNull.map { zip($0, flags).map { $0 && $1 } } ?? flags
        }
        return nil
    }

    /// Whether every value of the column is null or a placeholder.
    func allNull(_ column: Column) throws(GlueError) -> Bool {
        if column.nullCount == column.count { return true }
        var tokens: [Value] = []
        if column.dataType.isString {
            if isEmpty { tokens.append(.string("")) }
            if isNullString { tokens.append(.string("null")) }
        }
        if column.dataType.isNumeric && isNegOne {
            tokens.append(try Column(strings: ["-1"]).cast(to: column.dataType).value(at: 0))
        }
        for placeholder in nullValues where ApplyMapping.sameFamily(column.dataType, placeholder.dataType) {
            let value = try Column(strings: [placeholder.value]).cast(to: column.dataType).value(at: 0)
            if !value.isNull { tokens.append(value) }
        }
        guard !tokens.isEmpty else { return false }
        var nullish = column.isNullMask()
        for token in tokens {
            let equal = try column.compare(.equal, token)
            guard case .boolean(let flags) = equal.storage else { return false }
            for row in 0..<column.count where flags[row] && !equal.isNull(at: row) { nullish[row] = true }
        }
        return !nullish.contains(false)
    }

    public func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch] {
        let (batches, allNull) = global.state.withLock { state in
            defer { state = ([], nil) }
            return (state.batches.sorted { $0.0 < $1.0 }.map(\.1), state.allNull)
        }
        guard let allNull else { return [] }
        let keep = allNull.indices.filter { !allNull[$0] }
        return batches.map { $0.project(keep) }
    }
}

extension Column {
    fileprivate func isNullMask() -> [Bool] { (0..<count).map { isNull(at: $0) } }
}
