import Dispatch
import GlueCore
import Synchronization

/// Reads several files at once and hands their batches out in file order: all of file 0's
/// batches in its order, then file 1's, and so on, each tagged with its file's index.
///
/// Up to `filesInFlight` files are decoded concurrently on Dispatch threads (the one being
/// consumed and the next ones), each into a lane that holds at most `batchesPerFile` batches, so
/// memory stays bounded by about `filesInFlight × batchesPerFile` batches plus each decoder's
/// working buffers, whatever the number or size of the files. A decoder blocked on a full lane
/// waits for the consumer. Error records travel with the batches and come out of
/// ``takeErrors()`` in file order too. A decoder that throws stops the read: ``next()`` throws
/// its error once the batches before it are consumed, and the other decoders are cancelled.
///
/// The CSV and JSON readers offer it as `readFiles`; the job engine's S3 scans use it directly.
/// Use one instance from one consumer thread; ``cancel()`` (or releasing it) stops the decoders.
public final class OrderedFileBatches<ErrorRecord: Sendable> {
    /// Hands one batch (or, with `nil`, only error records) to the consumer; returns `false` when
    /// the read was cancelled and the decoder should stop.
    public typealias Emit = (RecordBatch?, [ErrorRecord]) -> Bool
    /// Decodes file `index` from start to end, calling `emit` for each batch in order.
    public typealias Decode = @Sendable (_ index: Int, _ emit: Emit) throws(GlueError) -> Void

    private let count: Int
    private let filesInFlight: Int
    private let batchesPerFile: Int
    private let decode: Decode
    private let cancelled = CancellationFlag()
    private var lanes: [Int: FileLane<ErrorRecord>] = [:]
    private var current = 0
    private var started = 0
    private var errors: [ErrorRecord] = []
    private var failed = false

    /// Creates the reader; nothing starts before the first ``next()``.
    ///
    /// - Parameters:
    ///   - count: the number of files.
    ///   - filesInFlight: how many files are decoded at once (at least 1).
    ///   - batchesPerFile: how many decoded batches each file may hold before its decoder waits.
    ///   - decode: decodes one file (called on a Dispatch thread, once per file).
    public init(count: Int, filesInFlight: Int = 3, batchesPerFile: Int = 4, decode: @escaping Decode) {
        self.count = max(0, count)
        self.filesInFlight = max(1, filesInFlight)
        self.batchesPerFile = max(1, batchesPerFile)
        self.decode = decode
    }

    deinit { cancel() }

    /// The next batch and the index of its file, in file order; `nil` after the last file.
    ///
    /// - Throws: the first error a decoder threw, after the batches that precede it.
    public func next() throws(GlueError) -> (file: Int, batch: RecordBatch)? {
        while current < count && !failed {
            startLanes()
            guard let lane = lanes[current] else { return nil }
            switch lane.take() {
            case .batch(let batch, let rejected):
                errors += rejected
                if let batch { return (current, batch) }
            case .end:
                lanes[current] = nil
                current += 1
            case .failure(let error):
                failed = true
                cancel()
                throw error
            }
        }
        return nil
    }

    /// The error records of the batches delivered so far (and of finished files), in file order.
    public func takeErrors() -> [ErrorRecord] {
        defer { errors = [] }
        return errors
    }

    /// Stops every decoder still running; ``next()`` returns `nil` afterwards.
    public func cancel() {
        cancelled.set()
        for lane in lanes.values { lane.release() }
        if !failed { current = count }
    }

    private func startLanes() {
        while started < count && started < current + filesInFlight {
            let index = started
            let lane = FileLane<ErrorRecord>(capacity: batchesPerFile)
            lanes[index] = lane
            started += 1
            let decode = self.decode
            let cancelled = self.cancelled
            // A serial queue runs on its own overcommit thread: the decoder blocks when its lane
            // is full, and the consumer usually is a pipeline worker that blocks too, so neither
            // may wait for a slot in Dispatch's CPU-wide pool (it grows about once a second).
            DispatchQueue(label: "localglue.file-decoder.\(index)").async {
                if cancelled.isSet {
                    lane.finish(.end)
                    return
                }
                do throws(GlueError) {
                    try decode(index) { batch, rejected in
                        lane.put(.batch(batch, rejected), unless: cancelled)
                    }
                    lane.finish(.end)
                } catch {
                    lane.finish(.failure(error))
                }
            }
        }
    }
}

/// Whether a multi-file read was cancelled.
final class CancellationFlag: Sendable {
    private let value = Atomic<Bool>(false)

    var isSet: Bool { value.load(ordering: .acquiring) }

    func set() { value.store(true, ordering: .releasing) }
}

/// One file's decoded batches between its decoder and the consumer: a bounded queue.
///
/// `@unchecked Sendable` because it wraps `DispatchSemaphore`s (thread-safe, not declared
/// `Sendable` on every platform) next to a `Mutex`; the stored properties are never reassigned.
final class FileLane<ErrorRecord: Sendable>: @unchecked Sendable {
    enum Event {
        case batch(RecordBatch?, [ErrorRecord])
        case end
        case failure(GlueError)
    }

    private let events = Mutex<[Event]>([])
    /// Counts the events waiting for the consumer.
    private let available = DispatchSemaphore(value: 0)
    /// Counts the free places for batches.
    private let space: DispatchSemaphore
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        space = DispatchSemaphore(value: capacity)
    }

    /// Waits for a free place, then queues the event; `false` when the read was cancelled.
    func put(_ event: Event, unless cancelled: CancellationFlag) -> Bool {
        space.wait()
        if cancelled.isSet { return false }
        events.withLock { $0.append(event) }
        available.signal()
        return true
    }

    /// Queues the last event (it needs no free place).
    func finish(_ event: Event) {
        events.withLock { $0.append(event) }
        available.signal()
    }

    /// Waits for the next event.
    func take() -> Event {
        available.wait()
        let event = events.withLock { $0.isEmpty ? Event.end : $0.removeFirst() }
        if case .batch = event { space.signal() }
        return event
    }

    /// Wakes a decoder waiting for a free place (after cancellation).
    func release() {
        for _ in 0...capacity { space.signal() }
    }
}
