import GlueColumnar
import GlueCore

/// A hash join's frozen build side: the rows (plus one all-null row at the end, so that a gather
/// of "no match" yields nulls), an index from encoded key to its first row, and a chain linking
/// the rows of each key. Immutable and shared by every probe worker without locks.
struct JoinTable: Sendable {
    /// The build rows followed by one null row at index ``rowCount``.
    let rows: RecordBatch
    /// The number of real build rows.
    let rowCount: Int
    let index: KeyIndex
    /// The first row of each key entry.
    let firstRow: [Int32]
    /// The next row with the same key, or -1.
    let nextRow: [Int32]

    init(batches: [RecordBatch], plan: JoinPlan) throws(GlueError) {
        let schema = plan.buildSchema
        let all = batches.isEmpty ? RecordBatch.empty(schema) : try RecordBatch.concatenate(batches)
        let count = all.rowCount
        rowCount = count
        let nullRow = try RecordBatch(schema: schema, columns: schema.fields.map { Column.nulls($0.dataType, count: 1) })
        rows = schema.count == 0 ? all : try RecordBatch.concatenate([all, nullRow])
        let keys = RowKeys(try plan.keyColumns(all, plan.buildKeys), rowCount: count)
        var keyIndex = KeyIndex(capacity: max(16, count))
        var firstRow: [Int32] = []
        var lastRow: [Int32] = []
        var nextRow = [Int32](repeating: -1, count: count)
        keys.bytes.withUnsafeBytes { bytes in
            for row in 0..<count where !keys.hasNull[row] {
                let key = UnsafeRawBufferPointer(rebasing: bytes[keys.offsets[row]..<keys.offsets[row + 1]])
                let (entry, inserted) = keyIndex.findOrInsert(key, hash: keys.hashes[row])
                if inserted {
                    firstRow.append(Int32(row))
                    lastRow.append(Int32(row))
                } else {
                    // Append to the chain's end so matches come out in build order.
                    nextRow[Int(lastRow[entry])] = Int32(row)
                    lastRow[entry] = Int32(row)
                }
            }
        }
        self.index = keyIndex
        self.firstRow = firstRow
        self.nextRow = nextRow
    }
}
