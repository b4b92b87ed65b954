import Foundation
import GlueColumnar
import GlueCore
import GlueJobs

/// Whether row order matters when comparing frames.
public enum RowOrder: Sendable {
    /// Rows must come in the same order.
    case exact
    /// Rows may come in any order (a join's or an aggregate's output); compared sorted.
    case any
}

/// Checks that a frame prints as `expected`, the table ``DynamicFrame/show(_:)`` prints
/// (DataFusion's `assert_batches_eq`): column names, then one line per row, `NULL` for nulls.
///
/// ```swift
/// try expectFrame(result, equals: """
///     +----------+-------+
///     | customer | total |
///     +----------+-------+
///     | ada      | 15.5  |
///     +----------+-------+
///     """, order: .any)
/// ```
///
/// - Throws: ``FrameMismatch`` with a line diff; the frame's own errors when it cannot run.
public func expectFrame(_ frame: DynamicFrame, equals expected: String, order: RowOrder = .exact) throws {
    try expectBatch(try frame.toRecordBatch(), equals: expected, order: order)
}

/// Checks that a batch prints as `expected` (see ``expectFrame(_:equals:order:)``).
///
/// - Throws: ``FrameMismatch`` with a line diff.
public func expectBatch(_ batch: RecordBatch, equals expected: String, order: RowOrder = .exact) throws {
    let actualText = normalizedTable(batch.prettyPrinted(), order: order)
    let expectedText = normalizedTable(expected, order: order)
    guard actualText != expectedText else { return }
    throw FrameMismatch(
        "The frame differs from the expected table (\(batch.rowCount) rows\(order == .any ? ", compared in any order" : "")):",
        expected: expectedText, actual: actualText)
}

/// Checks that two frames have the same schema (names and types) and the same rows.
///
/// - Throws: ``FrameMismatch`` naming the schema difference or with a diff of the rows.
public func expectFrame(_ frame: DynamicFrame, equals expected: DynamicFrame, order: RowOrder = .exact) throws {
    let actualBatch = try frame.toRecordBatch()
    let expectedBatch = try expected.toRecordBatch()
    if actualBatch.schema != expectedBatch.schema {
        throw FrameMismatch("The schemas differ:", expected: expectedBatch.schema.description, actual: actualBatch.schema.description)
    }
    let actualText = normalizedTable(actualBatch.prettyPrinted(), order: order)
    let expectedText = normalizedTable(expectedBatch.prettyPrinted(), order: order)
    guard actualText != expectedText else { return }
    throw FrameMismatch(
        "The frames differ (\(expectedBatch.rowCount) rows expected, \(actualBatch.rowCount) actual\(order == .any ? ", compared in any order" : "")):",
        expected: expectedText, actual: actualText)
}

/// A table's text with indentation and padding removed (cells trimmed) so that hand-written
/// expectations need not align their columns; with ``RowOrder/any`` the rows are sorted.
func normalizedTable(_ text: String, order: RowOrder) -> String {
    var header: [String] = []
    var rows: [String] = []
    var seenBorders = 0
    for rawLine in text.split(separator: "\n") {
        let line = rawLine.trimmingCharacters(in: .whitespaces)
        if line.isEmpty { continue }
        if line.hasPrefix("+") {
            seenBorders += 1
            continue
        }
        let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        let normalized = "| " + cells.joined(separator: " | ") + " |"
        if seenBorders < 2 && header.isEmpty { header.append(normalized) } else { rows.append(normalized) }
    }
    if order == .any { rows.sort() }
    return (header + rows).joined(separator: "\n")
}
