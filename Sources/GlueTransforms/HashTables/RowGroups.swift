import GlueColumnar

/// The rows of a batch grouped by the values of some of its columns, with Spark's grouping
/// equality (null equals null, `-0.0` equals `0.0`): what a partitioned writer needs to cut a
/// batch into one piece per `key=value/` folder without looking at each row's values as text.
///
/// Groups are numbered in order of first appearance, and each group lists its rows in input
/// order.
public struct RowGroups: Sendable {
    /// The rows of each group, in input order.
    public private(set) var rows: [[Int]] = []

    /// The number of groups.
    public var count: Int { rows.count }

    /// Groups the `rowCount` rows of `keyColumns` (all of that length) by their values.
    public init(_ keyColumns: [Column], rowCount: Int) {
        guard rowCount > 0 else { return }
        guard !keyColumns.isEmpty else {
            rows = [Array(0..<rowCount)]
            return
        }
        let keys = RowKeys(keyColumns, rowCount: rowCount)
        var index = KeyIndex(capacity: 16)
        for row in 0..<rowCount {
            let entry = keys.withKey(row) { index.findOrInsert($0, hash: keys.hashes[row]) }
            if entry.inserted { rows.append([]) }
            rows[entry.entry].append(row)
        }
    }
}
