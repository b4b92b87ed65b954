import GlueColumnar
import GlueCore
import GlueExecution

/// The source of a frame read from no objects: no columns, no records.
struct EmptySource: BatchSource {
    var schema: Schema { Schema([]) }
    var explainName: String { "EmptySource" }
    func next() throws(GlueError) -> RecordBatch? { nil }
}
