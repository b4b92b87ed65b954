import GlueColumnar
import GlueCore
import Synchronization

/// Fills the nulls of a field into a new field. Mirrors the parameters of Glue's
/// `FillMissingValues` (`ImputedPath`, `FilledPath`; output column `<field>_filled` by default),
/// whose Glue implementation is a machine-learning model; this one is documented simple
/// imputation instead:
/// - numeric fields: the mean of the non-null values (rounded half away from zero for integers);
/// - other fields: the most frequent non-null value (ties: the first in input order).
///
/// The original field is kept. A field without any value stays null. The statistics need every
/// record, so the transform holds the frame until its end (a pipeline breaker).
public struct FillMissingValues: BatchOperator {
    /// `ImputedPath`: the field with missing values (top level).
    public let imputed: String
    /// `FilledPath`: the new field, `<imputed>_filled` by default.
    public let filled: String

    private let global = Global()

    private final class Global: Sendable {
        let batches = Mutex<[(Int, RecordBatch)]>([])
    }

    /// Creates the transform.
    public init(imputedPath: String, filledPath: String? = nil) {
        self.imputed = imputedPath
        self.filled = filledPath ?? "\(imputedPath)_filled"
    }

    public var explainName: String { "FillMissingValues" }
    public var explainDetail: String { "\(imputed) -> \(filled)" }
    public var isPipelineBreaker: Bool { true }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        guard let field = inputs[0].field(named: imputed) else {
            throw GlueError(.invalidInput, "FillMissingValues field \(imputed) is not in the input (\(inputs[0])).")
        }
        guard inputs[0].field(named: filled) == nil else {
            throw GlueError(.invalidInput, "FillMissingValues output field \(filled) already exists.")
        }
        return Schema(inputs[0].fields + [Field(filled, field.dataType)])
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        let sequence = context.sequence
        global.batches.withLock { $0.append((sequence, batch)) }
        return nil
    }

    public func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch] {
        let batches = global.batches.withLock { $0.sorted { $0.0 < $1.0 }.map(\.1) }
        guard let index = context.inputSchemas.first?.firstIndex(named: imputed) else { return [] }
        let fill = try fillValue(batches.map { $0.columns[index] })
        var output: [RecordBatch] = []
        for batch in batches {
            let column = batch.columns[index]
            let values = column.values.map { $0.isNull ? fill : $0 }
            output.append(try RecordBatch(schema: context.outputSchema, columns: batch.columns + [try Column(column.dataType, values: values)]))
        }
        return output
    }

    private func fillValue(_ columns: [Column]) throws(GlueError) -> Value {
        guard let type = columns.first?.dataType else { return .null }
        if type.isNumeric {
            var sum = 0.0
            var count = 0.0
            for column in columns {
                let numbers = try column.cast(to: .double)
                guard case .float64(let values) = numbers.storage else { continue }
                for row in 0..<numbers.count where !numbers.isNull(at: row) {
                    sum += values[row]
                    count += 1
                }
            }
            guard count > 0 else { return .null }
            let mean = sum / count
            let text = type.isIntegral ? String(Int64(mean.rounded(.toNearestOrAwayFromZero))) : String(mean)
            return try Column(strings: [text]).cast(to: type).value(at: 0)
        }
        var counts: [Value: (count: Int, first: Int)] = [:]
        var position = 0
        for column in columns {
            for value in column.values {
                defer { position += 1 }
                guard !value.isNull else { continue }
                counts[value, default: (0, position)].count += 1
            }
        }
        return counts.max { lhs, rhs in
            lhs.value.count != rhs.value.count ? lhs.value.count < rhs.value.count : lhs.value.first > rhs.value.first
        }?.key ?? .null
    }
}
