import GlueColumnar
import GlueCore

/// A filter pushed down to the reader so it can skip row groups whose statistics prove that no
/// row matches. Rows of the row groups that are read are *not* filtered: the caller still applies
/// its own filter.
public indirect enum ParquetPredicate: Sendable, Hashable {
    /// `column <op> literal`, with the literal in the column's LocalGlue type (`.integer` for ints
    /// and dates as days, `.timestamp` in microseconds, `.decimal` with any scale, `.string`...).
    case compare(column: String, ParquetComparison, Value)
    /// `column IN (literals)`.
    case `in`(column: String, [Value])
    /// `column IS NULL`.
    case isNull(column: String)
    /// `column IS NOT NULL`.
    case isNotNull(column: String)
    /// All must hold.
    case and([ParquetPredicate])
    /// One must hold.
    case or([ParquetPredicate])
}

/// A comparison operator of a pushed-down predicate.
public enum ParquetComparison: Sendable, Hashable {
    case equal
    case notEqual
    case lessThan
    case lessThanOrEqual
    case greaterThan
    case greaterThanOrEqual
}
