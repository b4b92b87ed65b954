/// A min-heap of morsels by sequence number: in front of an order-sensitive consumer it releases
/// morsel *n* only after *n − 1* (Polars' linearizer); elsewhere it hands out the lowest sequence
/// first, which keeps results close to input order.
struct Reorderer {
    private var heap: [Morsel] = []

    var count: Int { heap.count }
    var isEmpty: Bool { heap.isEmpty }
    /// The lowest sequence number held.
    var minimumSequence: Int? { heap.first?.sequence }

    mutating func insert(_ morsel: Morsel) {
        heap.append(morsel)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].sequence < heap[parent].sequence else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMinimum() -> Morsel? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let result = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < heap.count && heap[left].sequence < heap[smallest].sequence { smallest = left }
            if right < heap.count && heap[right].sequence < heap[smallest].sequence { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        return result
    }
}
