import GlueCore

/// An immutable column of one logical type: typed values plus an optional validity bitmap.
///
/// Columns are values: copying one shares its buffers (copy-on-write), so passing columns and
/// batches between pipeline stages costs nothing. A `struct` column's nullability lives in its own
/// validity; its children have their own.
public struct Column: Sendable {
    /// The logical type.
    public let dataType: DataType
    /// Which rows hold values; `nil` when none is null.
    public let validity: ValidityBitmap?
    /// The physical values.
    public let storage: ColumnStorage

    /// Creates a column, checking that the storage fits the type and the bitmap fits the storage.
    ///
    /// - Precondition: `storage` is the physical layout of `dataType` (see ``ColumnStorage``) and
    ///   `validity`, when given, covers exactly the storage's rows.
    public init(_ dataType: DataType, storage: ColumnStorage, validity: ValidityBitmap? = nil) {
        precondition(Column.storageMatches(dataType, storage), "storage \(storage.kindName) does not fit type \(dataType)")
        precondition(validity == nil || validity?.count == storage.count, "validity bitmap length differs from the values")
        self.dataType = dataType
        self.storage = storage
        // A bitmap without nulls carries no information; drop it so kernels can take the fast path.
        if let validity, validity.validCount == validity.count {
            self.validity = nil
        } else {
            self.validity = validity
        }
    }

    /// The number of rows.
    @inlinable public var count: Int { storage.count }

    /// The number of null rows.
    ///
    /// - Complexity: O(*n* / 64).
    public var nullCount: Int { validity?.nullCount ?? 0 }

    /// Whether row `index` is null.
    @inlinable
    public func isNull(at index: Int) -> Bool {
        guard let validity else { return false }
        return !validity.isValid(at: index)
    }

    /// A column of `count` nulls of the given type.
    public static func nulls(_ dataType: DataType, count: Int) -> Column {
        Column(dataType, storage: ColumnStorage.zeroed(for: dataType, count: count), validity: ValidityBitmap(count: count, allValid: false))
    }

    static func storageMatches(_ dataType: DataType, _ storage: ColumnStorage) -> Bool {
        switch (dataType, storage) {
        case (.boolean, .boolean), (.tinyint, .int8), (.smallint, .int16), (.int, .int32), (.bigint, .int64),
            (.float, .float32), (.double, .float64), (.decimal, .int128), (.date, .int32), (.timestamp, .int64),
            (.timestampNTZ, .int64):
            return true
        case (.string, .bytes), (.char, .bytes), (.varchar, .bytes), (.binary, .bytes),
            (.string, .dictionary), (.char, .dictionary), (.varchar, .dictionary), (.binary, .dictionary):
            return true
        case (.array(let element), .list(_, let values)):
            return values.dataType == element
        case (.map(let key, let value), .list(_, let entries)):
            return entries.dataType == .struct([Field("key", key, isNullable: false), Field("value", value)])
                || entries.dataType == .struct([Field("key", key), Field("value", value)])
        case (.struct(let fields), .structure(let children)):
            guard fields.count == children.count else { return false }
            let count = children.first?.count
            return zip(fields, children).allSatisfy { $0.dataType == $1.dataType && $1.count == count }
        case (.choice(let types), .union(_, let branches)):
            guard types.count == branches.count else { return false }
            let count = branches.first?.count
            return zip(types, branches).allSatisfy { $0 == $1.dataType && $1.count == count }
        default:
            return false
        }
    }
}

extension ColumnStorage {
    /// A name for the storage kind, for messages.
    public var kindName: String {
        switch self {
        case .boolean: "boolean"
        case .int8: "int8"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .float32: "float32"
        case .float64: "float64"
        case .int128: "int128"
        case .bytes: "bytes"
        case .dictionary: "dictionary"
        case .list: "list"
        case .structure: "structure"
        case .union: "union"
        }
    }

    /// Storage of `count` zero or empty values laid out for `dataType`.
    public static func zeroed(for dataType: DataType, count: Int) -> ColumnStorage {
        switch dataType {
        case .boolean: .boolean(Array(repeating: false, count: count))
        case .tinyint: .int8(Array(repeating: 0, count: count))
        case .smallint: .int16(Array(repeating: 0, count: count))
        case .int, .date: .int32(Array(repeating: 0, count: count))
        case .bigint, .timestamp, .timestampNTZ: .int64(Array(repeating: 0, count: count))
        case .float: .float32(Array(repeating: 0, count: count))
        case .double: .float64(Array(repeating: 0, count: count))
        case .decimal: .int128(Array(repeating: 0, count: count))
        case .string, .char, .varchar, .binary:
            .bytes(VariableWidthBuffer(offsets: Array(repeating: 0, count: count + 1), bytes: []))
        case .array(let element):
            .list(offsets: Array(repeating: 0, count: count + 1), values: Column(element, storage: zeroed(for: element, count: 0)))
        case .map(let key, let value):
            .list(
                offsets: Array(repeating: 0, count: count + 1),
                values: Column(.struct([Field("key", key, isNullable: false), Field("value", value)]),
                    storage: .structure([Column(key, storage: zeroed(for: key, count: 0)), Column(value, storage: zeroed(for: value, count: 0))])))
        case .struct(let fields):
            .structure(fields.map { Column($0.dataType, storage: zeroed(for: $0.dataType, count: count)) })
        case .choice(let types):
            .union(branchIndices: Array(repeating: 0, count: count), branches: types.map { Column.nulls($0, count: count) })
        }
    }
}
