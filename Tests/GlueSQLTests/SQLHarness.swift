import Foundation
import GlueColumnar
import GlueCore
import GlueExecution
import GlueSQL
import GlueTransforms

/// Runs SQL over in-memory tables on the pipeline (2 workers, small morsels).
enum SQLHarness {
    static func run(_ sql: String, _ tables: [(String, RecordBatch)], morselRows: Int = 7, now: Date = Date(timeIntervalSince1970: 1_700_000_000)) throws -> RecordBatch {
        let planned = try SQLPlanner.plan(sql, inputs: tables.map { ($0.0, $0.1.schema) }, now: now)
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2, channelCapacity: 2))
        let sources = tables.map { pipeline.addSource(InMemorySource($0.1, morselRows: morselRows), name: $0.0) }
        let output = try pipeline.add(planned.plan, inputs: sources, name: "SparkSQL")
        let sink = CollectingSink()
        try pipeline.add(sink, inputs: [output])
        _ = try pipeline.run()
        let batches = sink.batches
        return batches.isEmpty ? RecordBatch.empty(planned.schema) : try RecordBatch.concatenate(batches)
    }

    /// The rows as display text, `NULL` for null, one string per row (`a | b`).
    static func rows(_ batch: RecordBatch) -> [String] {
        (0..<batch.rowCount).map { row in
            batch.columns.map { $0.value(at: row).displayText(as: $0.dataType) }.joined(separator: " | ")
        }
    }

    static var people: RecordBatch {
        get throws {
            try RecordBatch([
                "id": Column(int64: [1, 2, 3, 4, 5, nil]),
                "name": Column(strings: ["Ann", "bob", "Cy", nil, "Dee", "Eve"]),
                "age": Column(int32: [30, 25, nil, 41, 25, 33]),
                "score": Column(float64: [1.5, nil, 3.25, 2.0, 9.75, -1]),
                "dept": Column(strings: ["a", "b", "a", "c", nil, "b"]),
            ])
        }
    }

    static var depts: RecordBatch {
        get throws {
            try RecordBatch([
                "dept": Column(strings: ["a", "b", "d", nil]),
                "title": Column(strings: ["Alpha", "Beta", "Delta", "Null"]),
            ])
        }
    }
}
