import GlueColumnar
import GlueCore
import Synchronization

/// Writes a sample of the records to a path and passes every record through unchanged. Mirrors
/// Glue's `Spigot` (`spigot(path, options={"topk": k} | {"prob": p})`; Studio node `Spigot` with
/// `Path`, `Topk`, `Prob`).
///
/// - `topk`: the first *k* records of the input, in input order;
/// - `prob`: each record independently with probability *p*, from a seeded generator, so the
///   sample is the same at any parallelism;
/// - both: records drawn with `prob`, then the first `topk` of those;
/// - neither: the first 100 records.
///
/// The transform does not know where bytes go: it hands the sample to ``Writer``, which the job
/// layer wires to storage and the JSON writer (Glue writes JSON lines under `Path`).
public struct Spigot: BatchOperator {
    /// Receives the sample and the path once, after the last record.
    public typealias Writer = @Sendable (_ sample: RecordBatch, _ path: String) throws(GlueError) -> Void

    /// Where the sample goes (an S3 prefix in Glue).
    public let path: String
    /// How many records from the start, 0...100 in Studio.
    public let topk: Int?
    /// The probability of picking a record, 0...1.
    public let prob: Double?
    /// The seed of the `prob` draw.
    public let seed: UInt64

    private let writer: Writer
    private let sample = Sample()

    private final class Sample: Sendable {
        let parts = Mutex<[(sequence: Int, rows: RecordBatch)]>([])
    }

    /// Creates the transform.
    ///
    /// - Throws: `InvalidInputException` for a negative `topk` or a `prob` outside 0...1.
    public init(path: String, topk: Int? = nil, prob: Double? = nil, seed: UInt64 = 0, writer: @escaping Writer) throws(GlueError) {
        if let topk, topk < 0 { throw GlueError(.invalidInput, "Spigot Topk must be at least 0, not \(topk).") }
        if let prob, !(0...1).contains(prob) { throw GlueError(.invalidInput, "Spigot Prob must be between 0 and 1, not \(prob).") }
        self.path = path
        self.topk = topk
        self.prob = prob
        self.seed = seed
        self.writer = writer
    }

    /// The most records kept: `topk`, or 100 when neither option is given.
    var limit: Int? { topk ?? (prob == nil ? 100 : nil) }

    public var explainName: String { "Spigot" }
    public var explainDetail: String {
        var parts = [path]
        if let topk { parts.append("topk=\(topk)") }
        if let prob { parts.append("prob=\(prob)") }
        return parts.joined(separator: ", ")
    }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema { inputs[0] }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        var picked: [Int]
        if let prob {
            var generator = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: context.sequence) &* 0x9E37_79B9_7F4A_7C15))
            picked = (0..<batch.rowCount).filter { _ in generator.nextUnit() < prob }
        } else {
            picked = Array(0..<batch.rowCount)
        }
        if let limit { picked = Array(picked.prefix(limit)) }
        if !picked.isEmpty {
            let rows = batch.take(picked)
            let sequence = context.sequence
            let limit = limit
            sample.parts.withLock { parts in
                parts.append((sequence, rows))
                guard let limit else { return }
                // Keep only the parts that can still be among the first `limit` records.
                parts.sort { $0.sequence < $1.sequence }
                var total = 0
                var keep = 0
                while keep < parts.count && total < limit {
                    total += parts[keep].rows.rowCount
                    keep += 1
                }
                parts.removeLast(parts.count - keep)
            }
        }
        return batch
    }

    public func finalize(context: inout OperatorContext) throws(GlueError) -> [RecordBatch] {
        let parts = sample.parts.withLock { $0.sorted { $0.sequence < $1.sequence }.map(\.rows) }
        var rows = parts.isEmpty ? RecordBatch.empty(context.outputSchema) : try RecordBatch.concatenate(parts)
        if let limit, rows.rowCount > limit { rows = rows.slice(0..<limit) }
        try writer(rows, path)
        return []
    }
}

/// A small, fast, seedable generator (SplitMix64) for reproducible sampling.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<1`.
    mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
