import Foundation
import GlueColumnar
import GlueCore
import GlueExecution
import GlueTransforms
import Synchronization
import Testing

@Suite struct PipelineTests {
    @Test("A chain keeps input order in the collected result at any parallelism", arguments: [1, 2, 4])
    func orderKept(parallelism: Int) async throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: parallelism, channelCapacity: 2))
        let source = pipeline.addSource(numbers(5_000, morselRows: 97))
        let jitter = try pipeline.add(Jitter(maxMicroseconds: 300), inputs: [source])
        let sink = CollectingSink()
        try pipeline.add(sink, inputs: [jitter])
        let result = try await pipeline.run()
        #expect(int64Values(try sink.collected()) == (0..<5_000).map { Int64($0) })
        #expect(result.metrics[1].rowsIn == 5_000)
        #expect(result.metrics[1].batchesIn == 52)
        #expect(result.metrics[2].rowsIn == 5_000)
    }

    @Test("An ordered sink sees batches strictly in sequence order, one at a time")
    func orderedSink() async throws {
        let seen = Mutex<[Int64]>([])
        let busy = Atomic<Int>(0)
        let overlap = Atomic<Bool>(false)
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 3, channelCapacity: 2))
        let source = pipeline.addSource(numbers(2_000, morselRows: 50))
        let jitter = try pipeline.add(Jitter(maxMicroseconds: 500), inputs: [source])
        try pipeline.add(OrderedSink { batch throws(GlueError) in
            if busy.add(1, ordering: .relaxed).newValue > 1 { overlap.store(true, ordering: .relaxed) }
            seen.withLock { $0.append(contentsOf: int64Values(batch)) }
            busy.subtract(1, ordering: .relaxed)
        }, inputs: [jitter])
        let result = try await pipeline.run()
        #expect(seen.withLock { $0 } == (0..<2_000).map { Int64($0) })
        let overlapped = overlap.load(ordering: .relaxed)
        #expect(!overlapped)
        #expect(result.metrics[2].inputHighWater <= 2)
    }

    @Test("Channels stay bounded: a slow sink never lets more than the capacity queue up")
    func backPressure() async throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2, channelCapacity: 3))
        let source = pipeline.addSource(numbers(20_000, morselRows: 100))
        let fast = try pipeline.add(Jitter(), inputs: [source])
        let slow = try pipeline.add(Jitter(maxMicroseconds: 200), inputs: [fast])
        let sink = CountingSink()
        try pipeline.add(sink, inputs: [slow])
        let result = try await pipeline.run()
        #expect(sink.rowCount == 20_000)
        for metric in result.metrics { #expect(metric.inputHighWater <= 3) }
    }

    @Test("A breaker combines each worker's local state once and finalizes once", arguments: [1, 2, 3])
    func breaker(parallelism: Int) async throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: parallelism))
        let source = pipeline.addSource(numbers(100_000, morselRows: 1_000))
        let sum = SumBreaker()
        let total = try pipeline.add(sum, inputs: [source])
        let sink = CollectingSink()
        try pipeline.add(sink, inputs: [total])
        _ = try await pipeline.run()
        #expect(int64Values(try sink.collected()) == [4_999_950_000])
        let (_, combines, finalizes) = sum.global.state.withLock { $0 }
        #expect(combines >= 1 && combines <= parallelism)
        #expect(finalizes == 1)
    }

    @Test("Fan-out feeds every consumer all rows; fan-in reads both inputs")
    func fanOutFanIn() async throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2, channelCapacity: 1))
        let source = pipeline.addSource(numbers(3_000, morselRows: 64))
        let left = try pipeline.add(Jitter(maxMicroseconds: 100), inputs: [source])
        let right = try pipeline.add(Jitter(), inputs: [source])
        let union = try pipeline.add(UnionAll(), inputs: [left, right])
        let sum = SumBreaker()
        let total = try pipeline.add(sum, inputs: [union])
        let countLeft = CountingSink()
        try pipeline.add(countLeft, inputs: [left])
        let sink = CollectingSink()
        try pipeline.add(sink, inputs: [total])
        _ = try await pipeline.run()
        #expect(countLeft.rowCount == 3_000)
        #expect(int64Values(try sink.collected()) == [2 * 4_498_500])
    }

    @Test("A stage gated on its sibling does not deadlock when both read one source (self-join shape)")
    func gatedSibling() async throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2, channelCapacity: 1))
        let source = pipeline.addSource(numbers(10_000, morselRows: 50))
        let build = try pipeline.add(SumBreaker(), inputs: [source])
        let probe = try pipeline.add(Jitter(), inputs: [source], after: [build])
        let sink = CountingSink()
        try pipeline.add(sink, inputs: [probe])
        _ = try await pipeline.run()
        #expect(sink.rowCount == 10_000)
    }

    @Test("The first error stops every stage and names the stage")
    func failure() async throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2))
        let source = pipeline.addSource(numbers(100_000, morselRows: 100))
        let failing = try pipeline.add(FailAt(sequence: 17), inputs: [source], name: "checker")
        try pipeline.add(CountingSink(), inputs: [failing])
        do {
            _ = try await pipeline.run()
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == .invalidData)
            #expect(error.message == "bad batch 17")
            #expect(error.context == ["in stage checker"])
        }
    }

    @Test("Cancellation stops an endless source promptly")
    func cancellation() async throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2, channelCapacity: 2))
        let source = pipeline.addSource(EndlessSource())
        let stop = StopToken()
        let seen = Atomic<Int>(0)
        try pipeline.add(OrderedSink { _ throws(GlueError) in
            if seen.add(1, ordering: .relaxed).newValue == 10 { stop.cancel() }
        }, inputs: [source])
        await #expect(throws: GlueError.self) { _ = try await pipeline.run(stop: stop) }
        #expect(stop.reason?.code == .pipelineCancelled)
        let count = seen.load(ordering: .relaxed)
        #expect(count >= 10 && count < 20)
    }

    @Test("A timeout stops the run with OperationTimeoutException")
    func timeout() async throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2, timeout: .milliseconds(30)))
        let source = pipeline.addSource(EndlessSource())
        try pipeline.add(CountingSink(), inputs: [source])
        do {
            _ = try await pipeline.run()
            Issue.record("expected a timeout")
        } catch {
            #expect(error.code == .operationTimeout)
        }
    }

    @Test("Empty sources flow through breakers and sinks")
    func emptyInput() async throws {
        var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2))
        let source = pipeline.addSource(numbers(0))
        let sink = CollectingSink()
        try pipeline.add(sink, inputs: [try pipeline.add(Jitter(), inputs: [source])])
        let result = try await pipeline.run()
        #expect(try sink.collected().rowCount == 0)
        #expect(result.metrics.allSatisfy { $0.rowsIn == 0 })
    }

    @Test("Arity and unknown inputs are rejected when the plan is built")
    func validation() async throws {
        var pipeline = Pipeline()
        let source = pipeline.addSource(numbers(10))
        #expect(throws: GlueError.self) { try pipeline.add(UnionAll(), inputs: [source]) }
        #expect(throws: GlueError.self) { try pipeline.add(Jitter(), inputs: [Pipeline.NodeID(index: 7)]) }
    }
}
