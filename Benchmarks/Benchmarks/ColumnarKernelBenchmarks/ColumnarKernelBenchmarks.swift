// Filter, cast, compare and hash kernels on one 8,192-row batch (RecordBatch.defaultRowCount).
//
// `throughput` counts batches per second: multiply by 8,192 for values per second (README.md).
// The data is generated once, before any timing, from a fixed seed, in the shape of the
// performance workloads' events file (ids, prices with two decimals, ISO timestamps with
// milliseconds).

import Benchmark
import GlueColumnar
import GlueCore

/// A small deterministic generator (SplitMix64), so every run measures the same values.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The columns every benchmark reads.
struct KernelData {
    static let rows = RecordBatch.defaultRowCount

    let orderIDs: Column
    let orderIDText: Column
    let priceText: Column
    let eventTimeText: Column
    let amounts: Column
    let batch: RecordBatch
    let halfMask: Column
    let onePercentMask: Column

    init() throws {
        var random = SeededGenerator(state: 20_261_122)
        let ids = (0..<Self.rows).map { _ in Int64.random(in: 1...9_999_999_999, using: &random) }
        let prices = (0..<Self.rows).map { _ in Int64.random(in: 100...99_999, using: &random) }
        let stamps = (0..<Self.rows).map { _ in Int64.random(in: 1_735_689_600_000...1_767_225_599_999, using: &random) }
        orderIDs = Column(int64: ids)
        orderIDText = Column(strings: ids.map { String($0) })
        priceText = Column(strings: prices.map { String($0 / 100) + "." + String(format2($0 % 100)) })
        let stampColumn = try Column(.timestamp, values: stamps.map { .timestamp(microseconds: $0 * 1_000) })
        eventTimeText = Column(strings: try stampColumn.cast(to: .string).values.map { value in
            guard case .string(let text) = value else { return nil }
            // `2025-03-04 05:06:07.123` as `2025-03-04T05:06:07.123`, the events file's form.
            return String(text.map { $0 == " " ? "T" : $0 })
        })
        amounts = try Column(.decimal(precision: 12, scale: 2), values: prices.map { .decimal(unscaled: Int128($0), scale: 2) })
        batch = try RecordBatch([
            "order_id": orderIDs,
            "unit_price": try priceText.cast(to: .double),
            "event_time": stampColumn,
            "note": orderIDText,
        ])
        halfMask = Column(boolean: (0..<Self.rows).map { _ in Bool.random(using: &random) })
        onePercentMask = Column(boolean: (0..<Self.rows).map { _ in Int.random(in: 0..<100, using: &random) == 0 })
    }
}

func format2(_ value: Int64) -> String { value < 10 ? "0" + String(value) : String(value) }

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )
    let data: KernelData
    do {
        data = try KernelData()
    } catch {
        print("could not generate the benchmark data: \(error)")
        return
    }

    func castBenchmark(_ name: String, _ column: Column, to type: DataType) {
        Benchmark("Cast: \(name) (8,192 rows)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try column.cast(to: type)) }
        }
    }
    castBenchmark("bigint→string", data.orderIDs, to: .string)
    castBenchmark("string→bigint", data.orderIDText, to: .bigint)
    castBenchmark("string→double", data.priceText, to: .double)
    castBenchmark("string→timestamp", data.eventTimeText, to: .timestamp)
    castBenchmark("decimal(12,2)→double", data.amounts, to: .double)

    Benchmark("Filter: 50% selectivity, 4 columns (8,192 rows)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(data.batch.filter(data.halfMask)) }
    }
    Benchmark("Filter: 1% selectivity, 4 columns (8,192 rows)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(data.batch.filter(data.onePercentMask)) }
    }
    Benchmark("Compare: bigint > scalar (8,192 rows)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try data.orderIDs.compare(.greaterThan, .integer(5_000_000_000))) }
    }
    Benchmark("Hash: bigint + string keys (8,192 rows)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(RowHash.hash([data.orderIDs, data.orderIDText])) }
    }
}
