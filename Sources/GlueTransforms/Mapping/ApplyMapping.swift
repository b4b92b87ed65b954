import GlueColumnar
import GlueCore

/// Renames, retypes, nests and drops fields in one step. Mirrors Glue's `ApplyMapping`
/// (`apply_mapping(mappings)` with `(source, source_type, target, target_type)` tuples; Studio node
/// `ApplyMapping` with `Mapping: [{ToKey, FromPath, FromType, ToType, Dropped, Children}]`).
///
/// Glue's rules, as this transform applies them:
/// - the output holds **only** the mapped fields, in mapping order;
/// - source paths are dotted and match case-insensitively; a dotted target creates structs;
/// - values convert with Spark's cast: a value that cannot be converted becomes null and is
///   **not** an error record;
/// - when the declared source type does not match the data's type, Glue yields an empty (null)
///   column; types of one family match (`int` data under `long`, `float` under `double`, any text
///   type under `string`);
/// - a choice column takes the branch the source type names, then converts it;
/// - a source field absent from the data yields a null column of the target type (a DynamicFrame
///   would omit the field; a fixed schema keeps it).
public struct ApplyMapping: BatchOperator {
    /// One mapping: `(source, sourceType, target, targetType)`.
    public struct Mapping: Hashable, Sendable {
        /// The source field.
        public var source: FieldPath
        /// The declared source type, or `nil` to take the data as it is.
        public var sourceType: DataType?
        /// The output field.
        public var target: FieldPath
        /// The output type, or `nil` to keep the source type.
        public var targetType: DataType?
        /// Studio's `Dropped`: the field is left out.
        public var dropped: Bool

        /// A mapping with parsed types.
        public init(_ source: FieldPath, _ sourceType: DataType?, _ target: FieldPath, _ targetType: DataType?, dropped: Bool = false) {
            self.source = source
            self.sourceType = sourceType
            self.target = target
            self.targetType = targetType
            self.dropped = dropped
        }

        /// A mapping from the 4-tuple form, with Glue type names (`"long"`, `"String"`).
        ///
        /// - Throws: `InvalidInputException` for an unknown type name.
        public init(_ source: String, _ sourceType: String, _ target: String, _ targetType: String) throws(GlueError) {
            self.init(FieldPath(parsing: source), try GlueTypeName.parse(sourceType), FieldPath(parsing: target), try GlueTypeName.parse(targetType))
        }

        /// Studio's mapping entry with its children flattened: a child's `FromPath` continues its
        /// parent's, and its `ToKey` nests under the parent's.
        ///
        /// - Throws: `InvalidInputException` for an unknown type name.
        public static func studio(toKey: String, fromPath: [String], fromType: String?, toType: String?, dropped: Bool = false,
                                  children: [StudioEntry] = []) throws(GlueError) -> [Mapping] {
            try flatten(StudioEntry(toKey: toKey, fromPath: fromPath, fromType: fromType, toType: toType, dropped: dropped, children: children),
                        parentFrom: [], parentTo: [])
        }

        private static func flatten(_ entry: StudioEntry, parentFrom: [String], parentTo: [String]) throws(GlueError) -> [Mapping] {
            let from = parentFrom + entry.fromPath
            let to = parentTo + [entry.toKey]
            if !entry.children.isEmpty {
                var result: [Mapping] = []
                for child in entry.children where !entry.dropped {
                    result += try flatten(child, parentFrom: from, parentTo: to)
                }
                return result
            }
            return [Mapping(FieldPath(from), try entry.fromType.map { (name) throws(GlueError) in try GlueTypeName.parse(name) },
                            FieldPath(to), try entry.toType.map { (name) throws(GlueError) in try GlueTypeName.parse(name) }, dropped: entry.dropped)]
        }
    }

    /// A Studio `Mapping` entry before flattening.
    public struct StudioEntry: Hashable, Sendable {
        public var toKey: String
        public var fromPath: [String]
        public var fromType: String?
        public var toType: String?
        public var dropped: Bool
        public var children: [StudioEntry]

        /// Creates an entry.
        public init(toKey: String, fromPath: [String], fromType: String? = nil, toType: String? = nil, dropped: Bool = false, children: [StudioEntry] = []) {
            self.toKey = toKey
            self.fromPath = fromPath
            self.fromType = fromType
            self.toType = toType
            self.dropped = dropped
            self.children = children
        }
    }

    /// The mappings, in output order.
    public let mappings: [Mapping]

    /// Creates the transform.
    ///
    /// - Throws: `InvalidInputException` when two mappings write the same target.
    public init(_ mappings: [Mapping]) throws(GlueError) {
        var seen = Set<String>()
        for mapping in mappings where !mapping.dropped && !seen.insert(mapping.target.description.lowercased()).inserted {
            throw GlueError(.invalidInput, "ApplyMapping maps two fields to \(mapping.target).")
        }
        self.mappings = mappings
    }

    public var explainName: String { "ApplyMapping" }
    public var explainDetail: String {
        mappings.filter { !$0.dropped }.map { mapping in
            "\(mapping.source)\(mapping.sourceType.map { ":\($0)" } ?? "") -> \(mapping.target)\(mapping.targetType.map { ":\($0)" } ?? "")"
        }.joined(separator: ", ")
    }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        for mapping in mappings where !mapping.dropped {
            if let source = mapping.sourceType, let target = mapping.targetType, !Cast.canCast(from: source, to: target),
               !(source.isPrimitive == false && source == target) {
                throw GlueError(.invalidInput, "ApplyMapping cannot convert \(mapping.source) from \(source) to \(target).")
            }
        }
        return try map(RecordBatch.empty(inputs[0])).schema
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        try map(batch)
    }

    func map(_ batch: RecordBatch) throws(GlueError) -> RecordBatch {
        var fields: [Field] = []
        var columns: [Column] = []
        for mapping in mappings where !mapping.dropped {
            let column = try convert(mapping, batch)
            guard let first = mapping.target.components.first else { continue }
            if mapping.target.components.count == 1 {
                fields.append(Field(first, column.dataType))
                columns.append(column)
            } else if let index = fields.firstIndex(where: { $0.name == first }) {
                let (field, updated) = try ColumnPaths.insert(column, field: fields[index], into: columns[index], rest: mapping.target.components.dropFirst())
                fields[index] = field
                columns[index] = updated
            } else {
                let wrapped = ColumnPaths.wrap(column, rest: mapping.target.components.dropFirst(), rowCount: batch.rowCount)
                fields.append(Field(first, wrapped.dataType))
                columns.append(wrapped)
            }
        }
        return columns.isEmpty ? RecordBatch.empty(Schema([])) : try RecordBatch(schema: Schema(fields), columns: columns)
    }

    private func convert(_ mapping: Mapping, _ batch: RecordBatch) throws(GlueError) -> Column {
        guard let (_, found) = batch.column(at: mapping.source) else {
            return .nulls(mapping.targetType ?? mapping.sourceType ?? .string, count: batch.rowCount)
        }
        var column = found
        if case .choice = column.dataType {
            column = try ChoiceColumns.resolve(column, declared: mapping.sourceType)
        } else if let declared = mapping.sourceType, !Self.sameFamily(column.dataType, declared) {
            return .nulls(mapping.targetType ?? declared, count: batch.rowCount)
        }
        guard let target = mapping.targetType, target != column.dataType else { return column }
        return try column.cast(to: target)
    }

    /// Whether data of type `actual` satisfies a declared source type.
    static func sameFamily(_ actual: DataType, _ declared: DataType) -> Bool {
        if actual == declared { return true }
        if actual.isIntegral && declared.isIntegral { return true }
        if (actual == .float || actual == .double) && (declared == .float || declared == .double) { return true }
        if actual.isString && declared.isString { return true }
        if case .decimal = actual, case .decimal = declared { return true }
        if (actual == .timestamp || actual == .timestampNTZ) && (declared == .timestamp || declared == .timestampNTZ) { return true }
        if case .struct = actual, case .struct = declared { return true }
        if case .array = actual, case .array = declared { return true }
        if case .map = actual, case .map = declared { return true }
        return false
    }
}
