import GlueColumnar
import GlueCore
import Synchronization

/// Groups rows and aggregates columns per group. Mirrors Glue Studio's `Aggregate` node
/// (`Groups`, `Aggs` of `{Column, AggFunc}`), which runs Spark's
/// `groupBy(*groups).agg(func(col), ...)`.
///
/// The output holds the group columns (named by their last path component), then one column per
/// aggregation named as Spark names it (`sum(quantity)`, `count(DISTINCT userid)`). Null keys form
/// one group. Without groups the result is one row, even for an empty input (`count` 0, others
/// null). Groups come out in the order of their first row in the input, at any parallelism.
///
/// A hash aggregate: each worker aggregates its morsels into a local table, the tables merge
/// once per worker, and the groups are emitted at the end (a pipeline breaker).
public struct Aggregate: BatchOperator {
    /// The grouping columns.
    public let groups: [FieldPath]
    /// The aggregations, in output order.
    public let aggregations: [Aggregation]

    private let global = Global()

    private final class Global: Sendable {
        let state = Mutex<GroupTable?>(nil)
    }

    /// Creates the transform.
    ///
    /// - Throws: `InvalidInputException` without aggregations or with more than 30 (Studio's limit).
    public init(groups: [FieldPath], aggregations: [Aggregation]) throws(GlueError) {
        guard (1...30).contains(aggregations.count) else {
            throw GlueError(.invalidInput, "Aggregate takes 1 to 30 aggregations, not \(aggregations.count).")
        }
        self.groups = groups
        self.aggregations = aggregations
    }

    public var explainName: String { "Aggregate" }
    public var explainDetail: String {
        "groups: " + (groups.isEmpty ? "()" : groups.map(\.description).joined(separator: ", "))
            + "; " + aggregations.map { $0.function.outputName($0.column.description) }.joined(separator: ", ")
    }
    public var isPipelineBreaker: Bool { true }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        let empty = RecordBatch.empty(inputs[0])
        var fields: [Field] = []
        for path in groups {
            guard let (field, _) = empty.column(at: path) else { throw missing(path, inputs[0]) }
            fields.append(Field(field.name, field.dataType))
        }
        for aggregation in aggregations {
            guard let (field, _) = empty.column(at: aggregation.column) else { throw missing(aggregation.column, inputs[0]) }
            let type = try aggregation.function.resultType(for: field.dataType)
            fields.append(Field(aggregation.function.outputName(aggregation.column.description), type))
        }
        return Schema(fields)
    }

    private func missing(_ path: FieldPath, _ schema: Schema) -> GlueError {
        GlueError(.invalidInput, "Aggregate column \(path) is not in the input (\(schema)).")
    }

    public func makeLocalState() -> GroupTable? { nil }

    public func process(_ batch: RecordBatch, input: Int, state: inout GroupTable?, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        if state == nil { state = try GroupTable(aggregate: self, inputSchema: batch.schema) }
        try state?.add(batch, aggregate: self, sequence: context.sequence)
        return nil
    }

    public func finish(state: inout GroupTable?, context: inout OperatorContext) throws(GlueError) {
        guard let local = state.take() else { return }
        try global.state.withLock { (table: inout GroupTable?) throws(GlueError) in
            if table == nil {
                table = local
            } else {
                try table?.merge(local)
            }
        }
    }

    public func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch] {
        let table = global.state.withLock { $0.take() }
        let result: RecordBatch
        if let table {
            result = try table.result(schema: context.outputSchema, global: groups.isEmpty)
        } else if groups.isEmpty, let inputSchema = context.inputSchemas.first {
            // No input at all: a global aggregate still yields its one row.
            result = try GroupTable(aggregate: self, inputSchema: inputSchema).result(schema: context.outputSchema, global: true)
        } else {
            return []
        }
        return stride(from: 0, to: result.rowCount, by: RecordBatch.defaultRowCount).map {
            result.slice($0..<min($0 + RecordBatch.defaultRowCount, result.rowCount))
        }
    }
}

/// The groups of a hash aggregate: an index from encoded keys to group numbers, the key values
/// of each group, where each group first appeared, and one accumulator per aggregation.
public struct GroupTable: Sendable {
    var index = KeyIndex()
    var keyBatches: [RecordBatch] = []
    var firstPositions: [Int64] = []
    var accumulators: [any Accumulator]

    init(aggregate: Aggregate, inputSchema: Schema) throws(GlueError) {
        let empty = RecordBatch.empty(inputSchema)
        var accumulators: [any Accumulator] = []
        for aggregation in aggregate.aggregations {
            guard let (field, _) = empty.column(at: aggregation.column) else {
                throw GlueError(.invalidInput, "Aggregate column \(aggregation.column) is not in the input.")
            }
            accumulators.append(try Accumulators.make(aggregation.function, input: field.dataType))
        }
        self.accumulators = accumulators
    }

    var groupCount: Int { index.count }

    mutating func add(_ batch: RecordBatch, aggregate: Aggregate, sequence: Int) throws(GlueError) {
        var keyColumns: [Column] = []
        var keyFields: [Field] = []
        for path in aggregate.groups {
            guard let (field, column) = batch.column(at: path) else {
                throw GlueError(.invalidInput, "Aggregate column \(path) is not in the batch.")
            }
            keyColumns.append(column)
            keyFields.append(Field(field.name, field.dataType))
        }
        let keys = RowKeys(keyColumns, rowCount: batch.rowCount)
        var groupIDs = [Int](repeating: 0, count: batch.rowCount)
        var newRows: [Int] = []
        let base = Int64(sequence) << 32
        keys.bytes.withUnsafeBytes { all in
            keys.offsets.withUnsafeBufferPointer { offsets in
                keys.hashes.withUnsafeBufferPointer { hashes in
                    for row in 0..<batch.rowCount {
                        let key = UnsafeRawBufferPointer(rebasing: all[offsets[row]..<offsets[row + 1]])
                        let (entry, inserted) = index.findOrInsert(key, hash: hashes[row])
                        if inserted {
                            newRows.append(row)
                            firstPositions.append(base | Int64(row))
                        }
                        groupIDs[row] = entry
                    }
                }
            }
        }
        if !newRows.isEmpty && !keyColumns.isEmpty {
            keyBatches.append(try RecordBatch(schema: Schema(keyFields), columns: keyColumns).take(newRows))
        }
        for (position, aggregation) in aggregate.aggregations.enumerated() {
            guard let (_, column) = batch.column(at: aggregation.column) else {
                throw GlueError(.invalidInput, "Aggregate column \(aggregation.column) is not in the batch.")
            }
            try accumulators[position].update(column, groups: groupIDs, groupCount: index.count, sequence: sequence)
        }
    }

    /// Folds another worker's table into this one.
    mutating func merge(_ other: GroupTable) throws(GlueError) {
        var mapping = [Int](repeating: 0, count: other.groupCount)
        var newGroups: [Int] = []
        for group in 0..<other.groupCount {
            let hash = other.index.entryHashes[group]
            let (entry, inserted) = other.index.withKey(group) { index.findOrInsert($0, hash: hash) }
            mapping[group] = entry
            if inserted {
                newGroups.append(group)
                firstPositions.append(other.firstPositions[group])
            } else {
                firstPositions[entry] = min(firstPositions[entry], other.firstPositions[group])
            }
        }
        if !newGroups.isEmpty && !other.keyBatches.isEmpty {
            keyBatches.append(try RecordBatch.concatenate(other.keyBatches).take(newGroups))
        }
        for position in accumulators.indices {
            accumulators[position].merge(other.accumulators[position], mapping: mapping, groupCount: groupCount)
        }
    }

    /// The groups as one batch of `schema`, in order of first appearance.
    func result(schema: Schema, global: Bool) throws(GlueError) -> RecordBatch {
        let count = global ? max(1, groupCount) : groupCount
        let order = global ? [0] : firstPositions.indices.sorted { firstPositions[$0] < firstPositions[$1] }
        var columns: [Column] = []
        if !global {
            if keyBatches.isEmpty { return RecordBatch.empty(schema) }
            columns = try RecordBatch.concatenate(keyBatches).take(order).columns
        }
        for accumulator in accumulators {
            columns.append(try accumulator.finish(groupCount: count).take(order))
        }
        return try RecordBatch(schema: schema, columns: columns)
    }
}
