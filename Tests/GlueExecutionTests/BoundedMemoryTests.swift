import Foundation
import GlueColumnar
import GlueCore
import GlueExecution
import GlueTransforms
import Testing

/// 10 million rows through Filter -> ApplyMapping to a counting sink, with the peak resident
/// memory of the process (VmHWM) under 200 MiB. The pipeline runs in a child process (this test
/// binary again, filtered to ``BoundedMemoryTests/child()``), so other tests' memory does not count.
@Suite struct BoundedMemoryTests {
    static let rows = 10_000_000
    static let childVariable = "LOCALGLUE_BOUNDED_MEMORY_CHILD"

    static func peakResidentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        }
        return nil
    }

    /// The child's work; does nothing unless the parent started this process for it.
    @Test("child: run the 10M-row pipeline and print the peak resident memory")
    func child() async throws {
        guard ProcessInfo.processInfo.environment[Self.childVariable] == "1" else { return }
        let schema = Schema([Field("id", .bigint), Field("quantity", .int), Field("price", .double)])
        let source = GeneratedSource(schema: schema, rowCount: Self.rows) { range throws(GlueError) in
            let count = range.count
            var ids = [Int64](repeating: 0, count: count)
            var quantities = [Int32](repeating: 0, count: count)
            var prices = [Double](repeating: 0, count: count)
            for offset in 0..<count {
                let row = range.lowerBound + offset
                ids[offset] = Int64(row)
                quantities[offset] = Int32(row % 20 + 1)
                prices[offset] = Double(row % 1_000) / 4
            }
            return try RecordBatch(schema: schema, columns: [
                Column(.bigint, storage: .int64(ids)), Column(.int, storage: .int32(quantities)), Column(.double, storage: .float64(prices)),
            ])
        }
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2))
        let input = pipeline.addSource(source)
        let filter = try pipeline.add(Filter(FilterSpec(.and, [FilterExpression(.gt, [.column("quantity"), .constant("2")])])), inputs: [input])
        let mapped = try pipeline.add(try ApplyMapping([
            .init("id", "long", "order_id", "long"), .init("quantity", "int", "qty", "long"), .init("price", "double", "amount", "decimal(12,2)"),
        ]), inputs: [filter])
        let sink = CountingSink()
        try pipeline.add(sink, inputs: [mapped])
        _ = try await pipeline.run()
        print("BOUNDED-MEMORY rows=\(sink.rowCount) peakKiB=\(Self.peakResidentKiB() ?? -1)")
    }

    @Test("10 million rows stream through Filter -> ApplyMapping with peak memory under 200 MiB")
    func boundedMemory() throws {
        guard ProcessInfo.processInfo.environment[Self.childVariable] == nil else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--testing-library", "swift-testing", "--filter", "BoundedMemoryTests/child"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childVariable] = "1"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let line = output.split(separator: "\n").first(where: { $0.contains("BOUNDED-MEMORY") }) else {
            Issue.record("The child printed no result:\n\(output.suffix(2_000))")
            return
        }
        let fields = Dictionary(uniqueKeysWithValues: line.split(separator: " ").dropFirst().compactMap { part -> (String, Int)? in
            let pair = part.split(separator: "=")
            guard pair.count == 2, let value = Int(pair[1]) else { return nil }
            return (String(pair[0]), value)
        })
        // quantity = row % 20 + 1 > 2 keeps 18 of every 20 rows.
        #expect(fields["rows"] == Self.rows / 20 * 18)
        let peak = fields["peakKiB"] ?? -1
        print("Bounded-memory test: peak resident memory \(peak / 1024) MiB for \(Self.rows) rows")
        #expect(peak > 0 && peak < 200 * 1024, "peak resident memory \(peak) KiB")
    }
}
