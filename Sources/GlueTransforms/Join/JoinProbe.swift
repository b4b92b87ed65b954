import GlueColumnar
import GlueCore
import Synchronization

/// The probe half of a hash ``Join``: streams the other input through the frozen table. Each
/// worker marks the build rows it matched in its local state; for a full outer join the marks
/// merge once per worker and the unmatched build rows come out in `finalize`.
public struct JoinProbe: BatchOperator {
    let plan: JoinPlan
    let shared: JoinShared

    /// One worker's view: the shared table and the build rows it matched.
    public struct LocalState {
        var table: JoinTable?
        var matched: [Bool] = []
    }

    public var explainName: String { "JoinProbe" }
    public var explainDetail: String {
        "\(plan.join.type.rawValue) on " + zip(plan.join.leftKeys, plan.join.rightKeys).map { "\($0) = \($1)" }.joined(separator: ", ")
    }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { plan.outputSchema }

    public func makeLocalState() -> LocalState {
        LocalState(table: shared.table.withLock { $0 })
    }

    private var tracksBuildMatches: Bool { plan.join.type == .outer }
    private var keepsUnmatchedProbe: Bool { [.left, .right, .outer].contains(plan.join.type) }

    public func process(_ batch: RecordBatch, input: Int, state: inout LocalState, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        guard let table = state.table else {
            throw GlueError(.internalService, "The join probe ran before its build side finished.")
        }
        if tracksBuildMatches && state.matched.isEmpty { state.matched = [Bool](repeating: false, count: table.rowCount) }
        let keys = RowKeys(try plan.keyColumns(batch, plan.probeKeys), rowCount: batch.rowCount)
        var probeRows: [Int] = []
        var buildRows: [Int] = []
        probeRows.reserveCapacity(batch.rowCount)
        buildRows.reserveCapacity(batch.rowCount)
        let type = plan.join.type
        let nullRow = table.rowCount
        keys.bytes.withUnsafeBytes { bytes in
            for row in 0..<batch.rowCount {
                var entry: Int? = nil
                if !keys.hasNull[row] {
                    let key = UnsafeRawBufferPointer(rebasing: bytes[keys.offsets[row]..<keys.offsets[row + 1]])
                    entry = table.index.find(key, hash: keys.hashes[row])
                }
                switch type {
                case .leftsemi:
                    if entry != nil { probeRows.append(row) }
                case .leftanti:
                    if entry == nil { probeRows.append(row) }
                default:
                    if let entry {
                        var match = Int(table.firstRow[entry])
                        while match >= 0 {
                            probeRows.append(row)
                            buildRows.append(match)
                            if tracksBuildMatches { state.matched[match] = true }
                            match = Int(table.nextRow[match])
                        }
                    } else if keepsUnmatchedProbe {
                        probeRows.append(row)
                        buildRows.append(nullRow)
                    }
                }
            }
        }
        if type == .leftsemi || type == .leftanti {
            return probeRows.count == batch.rowCount ? batch : batch.take(probeRows)
        }
        return try assemble(probe: batch.take(probeRows), build: table.rows.take(buildRows))
    }

    private func assemble(probe: RecordBatch, build: RecordBatch) throws(GlueError) -> RecordBatch {
        let columns = plan.join.buildsLeft ? build.columns + probe.columns : probe.columns + build.columns
        return try RecordBatch(schema: plan.outputSchema, columns: columns)
    }

    public func finish(state: inout LocalState, context: inout OperatorContext) throws(GlueError) {
        guard tracksBuildMatches, !state.matched.isEmpty else { return }
        let local = state.matched
        shared.matched.withLock { matched in
            for (row, hit) in local.enumerated() where hit && row < matched.count { matched[row] = true }
        }
    }

    public func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch] {
        guard tracksBuildMatches, let table = shared.table.withLock({ $0 }) else { return [] }
        let matched = shared.matched.withLock { $0 }
        let unmatched = (0..<table.rowCount).filter { $0 >= matched.count || !matched[$0] }
        guard !unmatched.isEmpty else { return [] }
        let build = table.rows.take(unmatched)
        let probeNulls = try RecordBatch(schema: plan.probeSchema, columns: plan.probeSchema.fields.map { Column.nulls($0.dataType, count: unmatched.count) })
        return [try assemble(probe: probeNulls, build: build)]
    }
}
