import GlueColumnar
import GlueCore

/// Operations on `choice<...>` columns (a DynamicFrame field whose values come in several types,
/// stored as a branch index per row and one full-length column per branch).
enum ChoiceColumns {
    /// The branch types and storage of a choice column, or `nil` for another column.
    static func parts(_ column: Column) -> (types: [DataType], indices: [Int8], branches: [Column])? {
        guard case .choice(let types) = column.dataType, case .union(let indices, let branches) = column.storage else { return nil }
        return (types, indices, branches)
    }

    /// Branch `branch`'s values where the row holds that branch, null elsewhere.
    static func project(_ column: Column, branch: Int) -> Column? {
        guard let (_, indices, branches) = parts(column), branch >= 0, branch < branches.count else { return nil }
        let source = branches[branch]
        var mask = ValidityBitmap(indices.map { Int($0) == branch })
        if let validity = column.validity { mask = mask.intersection(validity) }
        return Column(source.dataType, storage: source.storage, validity: ValidityBitmap.intersection(source.validity, mask))
    }

    /// Every branch cast to `target` (Spark's cast: impossible values become null; a branch whose
    /// type cannot be cast at all gives nulls), each row taken from its own branch.
    static func cast(_ column: Column, to target: DataType) throws(GlueError) -> Column {
        guard let (_, indices, branches) = parts(column) else { return try column.cast(to: target) }
        let count = column.count
        var converted: [Column] = []
        for branch in branches {
            if Cast.canCast(from: branch.dataType, to: target) {
                converted.append(try branch.cast(to: target))
            } else {
                converted.append(.nulls(target, count: count))
            }
        }
        guard !converted.isEmpty else { return .nulls(target, count: count) }
        let stacked = try Column.concatenate(converted)
        let picks = indices.enumerated().map { row, branch in
            let index = Int(branch)
            return (index >= 0 && index < converted.count ? index : 0) * count + row
        }
        let taken = stacked.take(picks)
        return Column(target, storage: taken.storage, validity: ValidityBitmap.intersection(taken.validity, column.validity))
    }

    /// The branch a declared type names (same type family), projected; all nulls when none
    /// matches; every branch cast to string when nothing is declared.
    static func resolve(_ column: Column, declared: DataType?) throws(GlueError) -> Column {
        guard let (types, _, _) = parts(column) else { return column }
        guard let declared else { return try cast(column, to: .string) }
        if let branch = types.firstIndex(of: declared) ?? types.firstIndex(where: { ApplyMapping.sameFamily($0, declared) }),
           let projected = project(column, branch: branch) {
            return projected
        }
        return .nulls(declared, count: column.count)
    }
}
