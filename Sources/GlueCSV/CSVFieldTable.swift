/// One batch's worth of tokenized records: for every field, its byte range in the block and flags.
///
/// The tokenizer fills it row-major; ``CSVBatchDecoder`` then converts it column by column into
/// typed columns. Rows with the wrong field count never enter it. Owned by one worker.
final class CSVFieldTable {
    /// Set when the field was quoted.
    static let quoted: UInt8 = 1
    /// Set when the field holds doubled quotes or escapers that decoding must remove.
    static let needsUnescape: UInt8 = 2

    let columnCount: Int
    let capacity: Int
    let starts: UnsafeMutablePointer<Int>
    let ends: UnsafeMutablePointer<Int>
    let flags: UnsafeMutablePointer<UInt8>
    /// The 0-based line (relative to the parse run) on which each row starts.
    let rowLines: UnsafeMutablePointer<Int>
    /// Each row's first byte and one past its last byte (line break included), in the block.
    let rowStarts: UnsafeMutablePointer<Int>
    let rowEnds: UnsafeMutablePointer<Int>
    var rowCount = 0

    init(columnCount: Int, capacity: Int) {
        self.columnCount = max(columnCount, 1)
        self.capacity = max(capacity, 1)
        let cells = self.columnCount * self.capacity
        starts = .allocate(capacity: cells)
        ends = .allocate(capacity: cells)
        flags = .allocate(capacity: cells)
        rowLines = .allocate(capacity: self.capacity)
        rowStarts = .allocate(capacity: self.capacity)
        rowEnds = .allocate(capacity: self.capacity)
    }

    deinit {
        starts.deallocate()
        ends.deallocate()
        flags.deallocate()
        rowLines.deallocate()
        rowStarts.deallocate()
        rowEnds.deallocate()
    }

    var isFull: Bool { rowCount == capacity }
}
