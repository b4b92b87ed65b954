import GlueColumnar
import GlueCore
import Synchronization

/// Removes duplicate records: rows equal in every field, or in the listed fields. Mirrors Glue
/// Studio's `DropDuplicates` node (`Columns`, absent for whole-row de-duplication), which runs
/// Spark's `dropDuplicates`.
///
/// Of each set of duplicates the first row in input order is kept, and rows come out in input
/// order, so results are the same at any parallelism (Spark keeps an unspecified one). Nulls are
/// equal to each other here, as in Spark's `dropDuplicates`.
///
/// A pipeline breaker: each worker keeps a local table of keys and first rows, the tables merge
/// once per worker, and the rows come out at the end.
public struct DropDuplicates: BatchOperator {
    /// The fields compared, or `nil` for all of them.
    public let columns: [FieldPath]?
    /// 2 for `Union DISTINCT`, which reads two inputs.
    public let inputCount: Int

    private let global = Global()

    private final class Global: Sendable {
        let table = Mutex<DedupTable?>(nil)
    }

    /// Creates the transform.
    public init(columns: [FieldPath]? = nil) {
        self.columns = columns
        self.inputCount = 1
    }

    init(unionOfTwo: Void) {
        self.columns = nil
        self.inputCount = 2
    }

    public var explainName: String { inputCount == 2 ? "Union" : "DropDuplicates" }
    public var explainDetail: String {
        if inputCount == 2 { return "DISTINCT" }
        return columns.map { $0.map(\.description).joined(separator: ", ") } ?? "all fields"
    }
    public var isPipelineBreaker: Bool { true }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        if inputCount == 2 { try UnionAll.checkCompatible(inputs) }
        let empty = RecordBatch.empty(inputs[0])
        for path in columns ?? [] where empty.column(at: path) == nil {
            throw GlueError(.invalidInput, "DropDuplicates column \(path) is not in the input (\(inputs[0])).")
        }
        return inputs[0]
    }

    public func makeLocalState() -> DedupTable { DedupTable() }

    public func process(_ batch: RecordBatch, input: Int, state: inout DedupTable, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        let named = input == 0 ? batch : try batch.withSchema(context.outputSchema)
        var keyColumns: [Column] = []
        if let columns {
            for path in columns {
                guard let (_, column) = named.column(at: path) else {
                    throw GlueError(.invalidInput, "DropDuplicates column \(path) is not in the batch.")
                }
                keyColumns.append(column)
            }
        } else {
            keyColumns = named.columns
        }
        let keys = RowKeys(keyColumns, rowCount: named.rowCount)
        let base = (Int64(input) << 60) | (Int64(context.sequence) << 24)
        state.add(named, keys: keys, base: base)
        return nil
    }

    public func finish(state: inout DedupTable, context: inout OperatorContext) throws(GlueError) {
        let local = state
        state = DedupTable()
        global.table.withLock { table in
            if table == nil { table = local } else { table?.merge(local) }
        }
    }

    public func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch] {
        guard let table = global.table.withLock({ $0.take() }) else { return [] }
        let result = try table.rows(schema: context.outputSchema)
        return stride(from: 0, to: result.rowCount, by: RecordBatch.defaultRowCount).map {
            result.slice($0..<min($0 + RecordBatch.defaultRowCount, result.rowCount))
        }
    }
}

/// Distinct keys with the earliest row of each: the state of ``DropDuplicates``.
public struct DedupTable: Sendable {
    var index = KeyIndex()
    /// Input position of each entry's row: input, sequence, row.
    var positions: [Int64] = []
    /// Where each entry's row is: batch number and row in that batch.
    var locations: [(batch: Int, row: Int)] = []
    var batches: [RecordBatch] = []

    mutating func add(_ batch: RecordBatch, keys: RowKeys, base: Int64) {
        var taken: [Int] = []
        let batchNumber = batches.count
        keys.bytes.withUnsafeBytes { bytes in
            for row in 0..<batch.rowCount {
                let key = UnsafeRawBufferPointer(rebasing: bytes[keys.offsets[row]..<keys.offsets[row + 1]])
                let (entry, inserted) = index.findOrInsert(key, hash: keys.hashes[row])
                let position = base | Int64(row)
                if inserted {
                    positions.append(position)
                    locations.append((batchNumber, taken.count))
                    taken.append(row)
                } else if position < positions[entry] {
                    positions[entry] = position
                    locations[entry] = (batchNumber, taken.count)
                    taken.append(row)
                }
            }
        }
        if !taken.isEmpty { batches.append(taken.count == batch.rowCount ? batch : batch.take(taken)) }
    }

    mutating func merge(_ other: DedupTable) {
        let offset = batches.count
        batches.append(contentsOf: other.batches)
        for entry in 0..<other.index.count {
            let hash = other.index.entryHashes[entry]
            let (target, inserted) = other.index.withKey(entry) { index.findOrInsert($0, hash: hash) }
            let location = (batch: other.locations[entry].batch + offset, row: other.locations[entry].row)
            if inserted {
                positions.append(other.positions[entry])
                locations.append(location)
            } else if other.positions[entry] < positions[target] {
                positions[target] = other.positions[entry]
                locations[target] = location
            }
        }
    }

    func rows(schema: Schema) throws(GlueError) -> RecordBatch {
        guard !batches.isEmpty else { return RecordBatch.empty(schema) }
        var starts: [Int] = []
        var total = 0
        for batch in batches {
            starts.append(total)
            total += batch.rowCount
        }
        let order = positions.indices.sorted { positions[$0] < positions[$1] }
        let all = try RecordBatch.concatenate(batches)
        return try all.take(order.map { starts[locations[$0].batch] + locations[$0].row }).withSchema(schema)
    }
}

/// Glue Studio's `Union` node: `ALL` keeps every row (``UnionAll``), `DISTINCT` removes
/// duplicates across both inputs.
public enum Union {
    /// `UnionType`.
    public enum UnionType: String, Hashable, Sendable {
        case all = "ALL"
        case distinct = "DISTINCT"
    }

    /// The operator for a union type.
    public static func make(_ type: UnionType) -> any BatchOperator {
        switch type {
        case .all: UnionAll()
        case .distinct: DropDuplicates(unionOfTwo: ())
        }
    }
}
