import GlueColumnar
import GlueCore

/// Applies a Swift closure to every record. Mirrors DynamicFrame `map(f)`.
///
/// As in Glue, a record whose closure throws becomes an error record carrying the error's text,
/// and so does a record for which the closure returns `nil` or whose result does not fit the
/// output schema; the other records go on.
///
/// - Complexity: boxes every value: the slow path, for logic no columnar transform expresses.
public struct Map: BatchOperator {
    /// The closure applied to each record.
    public typealias Function = @Sendable (DynamicRecord) throws -> DynamicRecord?

    /// The schema of the records the closure returns; `nil` keeps the input schema.
    public let schema: Schema?
    private let function: Function

    /// Creates the transform.
    public init(outputSchema: Schema? = nil, _ function: @escaping Function) {
        self.schema = outputSchema
        self.function = function
    }

    public var explainName: String { "Map" }
    public var explainDetail: String { schema.map { "-> \($0)" } ?? "" }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { schema ?? inputs[0] }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        var assembler = RecordBatchAssembler(schema: context.outputSchema)
        for row in 0..<batch.rowCount {
            let record = DynamicRecord(batch, row: row)
            do {
                guard let result = try function(record) else {
                    context.reportError("User-specified function returned nil instead of a DynamicRecord.", record: ErrorRecord.renderRecord(batch, row: row))
                    continue
                }
                if let problem = assembler.append(result) {
                    context.reportError(problem, record: ErrorRecord.renderRecord(batch, row: row))
                }
            } catch {
                context.reportError(String(describing: error), record: ErrorRecord.renderRecord(batch, row: row))
            }
        }
        return try assembler.finish()
    }
}

/// Applies a Swift closure that returns any number of records for each record.
///
/// Errors are routed as in ``Map``.
public struct FlatMap: BatchOperator {
    /// The closure applied to each record.
    public typealias Function = @Sendable (DynamicRecord) throws -> [DynamicRecord]

    /// The schema of the records the closure returns; `nil` keeps the input schema.
    public let schema: Schema?
    private let function: Function

    /// Creates the transform.
    public init(outputSchema: Schema? = nil, _ function: @escaping Function) {
        self.schema = outputSchema
        self.function = function
    }

    public var explainName: String { "FlatMap" }
    public var explainDetail: String { schema.map { "-> \($0)" } ?? "" }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { schema ?? inputs[0] }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        var assembler = RecordBatchAssembler(schema: context.outputSchema)
        for row in 0..<batch.rowCount {
            do {
                for result in try function(DynamicRecord(batch, row: row)) {
                    if let problem = assembler.append(result) {
                        context.reportError(problem, record: ErrorRecord.renderRecord(batch, row: row))
                    }
                }
            } catch {
                context.reportError(String(describing: error), record: ErrorRecord.renderRecord(batch, row: row))
            }
        }
        return try assembler.finish()
    }
}
