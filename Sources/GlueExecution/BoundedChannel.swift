/// The queue between two stages: at most `capacity` morsels queued or promised (back-pressure).
///
/// The scheduler owns every channel inside its one lock and never blocks on a channel: before it
/// starts a task it *reserves* a slot in each channel the task will write to, and it starts no
/// task whose outputs have no room. A slow consumer therefore stalls its producers instead of
/// letting memory grow, and no worker ever waits holding a morsel.
///
/// An *ordered* channel feeds an order-sensitive consumer: it hands out morsels strictly by
/// sequence number and admits a morsel only inside the window `nextSequence ..< nextSequence +
/// capacity`, so out-of-order arrivals are bounded too.
struct BoundedChannel {
    /// The consumer's stage and which of its inputs this channel is.
    let consumer: Int
    let inputIndex: Int
    let producer: Int
    /// The number of morsels the channel may hold (queued plus reserved).
    private(set) var capacity: Int
    /// Whether morsels leave strictly in sequence order.
    let ordered: Bool

    private var queue = Reorderer()
    private(set) var reserved = 0
    /// The next sequence number an ordered channel releases.
    private(set) var nextSequence = 0
    /// Set when the producer will send nothing more.
    var isClosed = false
    /// The most morsels held at once (a metric).
    private(set) var highWater = 0
    /// How many times the scheduler raised the capacity to break a cycle of waits.
    private(set) var overflowCount = 0

    init(producer: Int, consumer: Int, inputIndex: Int, capacity: Int, ordered: Bool) {
        self.producer = producer
        self.consumer = consumer
        self.inputIndex = inputIndex
        self.capacity = max(1, capacity)
        self.ordered = ordered
    }

    /// Whether a morsel with this sequence number may be promised now.
    func hasRoom(forSequence sequence: Int) -> Bool {
        if ordered { return sequence < nextSequence + capacity }
        return queue.count + reserved < capacity
    }

    mutating func reserve() { reserved += 1 }

    mutating func cancelReservation() { reserved -= 1 }

    /// Delivers a promised morsel.
    mutating func deliver(_ morsel: Morsel) {
        reserved -= 1
        queue.insert(morsel)
        highWater = max(highWater, queue.count)
    }

    /// Whether ``pop()`` would return a morsel.
    var canPop: Bool {
        guard let minimum = queue.minimumSequence else { return false }
        return !ordered || minimum == nextSequence
    }

    mutating func pop() -> Morsel? {
        guard canPop, let morsel = queue.popMinimum() else { return nil }
        if ordered { nextSequence += 1 }
        return morsel
    }

    /// Closed, with nothing queued or promised: the consumer has seen everything.
    var isDrained: Bool { isClosed && reserved == 0 && queue.isEmpty }

    var queuedCount: Int { queue.count }

    /// Raises the capacity by one batch to let a blocked producer go on (used only when every
    /// worker is idle and nothing else can run: a fan-out feeding a stage that waits for its
    /// sibling, as a self-join does).
    mutating func overflow() {
        capacity += 1
        overflowCount += 1
    }
}
