import GlueColumnar
import GlueCore
import Testing

@Suite struct HashTests {
    @Test("Equal values hash equally; nulls hash alike; different values differ")
    func equalValues() {
        let hashes = RowHash.hash([Column(int64: [7, 8, 7, nil, nil])])
        #expect(hashes[0] == hashes[2])
        #expect(hashes[0] != hashes[1])
        #expect(hashes[3] == hashes[4])
        #expect(hashes[3] != hashes[0])
    }

    @Test("Integers of different widths, floats and doubles, dictionary and plain text hash alike")
    func acrossLayouts() throws {
        #expect(RowHash.hash([Column(int32: [5, -1])]) == RowHash.hash([Column(int64: [5, -1])]))
        #expect(RowHash.hash([try Column(.float, values: [.float(1.5)])]) == RowHash.hash([Column(float64: [1.5])]))
        let plain = Column(strings: ["DE", "FR", "DE", nil])
        let dictionary = Column(.string, storage: .dictionary(indices: [0, 1, 0, 0], values: VariableWidthBuffer(offsets: [0, 2, 4], bytes: Array("DEFR".utf8))),
            validity: ValidityBitmap([true, true, true, false]))
        #expect(RowHash.hash([plain]) == RowHash.hash([dictionary]))
    }

    @Test("-0.0 hashes like 0.0 and every NaN alike")
    func floatingPoint() {
        let hashes = RowHash.hash([Column(float64: [0.0, -0.0, .nan, -.nan, Double(bitPattern: 0x7FF0_0000_0000_0001)])])
        #expect(hashes[0] == hashes[1])
        #expect(hashes[2] == hashes[3])
        #expect(hashes[2] == hashes[4])
    }

    @Test("Several columns: order matters, and every type hashes")
    func multipleColumns() throws {
        let a = Column(int64: [1, 2])
        let b = Column(int64: [2, 1])
        let forward = RowHash.hash([a, b])
        #expect(forward[0] != forward[1])
        #expect(RowHash.hash([a, b]) == RowHash.hash([a, b]))
        for type in CastMatrixTests.primitives {
            let column = try CastMatrixTests.sample(type)
            #expect(RowHash.hash([column, column]).count == column.count)
        }
        #expect(RowHash.hash([]) == [])
        #expect(RowHash.hash([Column(int64: [])]) == [])
    }

    @Test("Text hashes spread: long strings differing in one byte differ")
    func bytes() {
        let long = String(repeating: "x", count: 40)
        let hashes = RowHash.hash([Column(strings: [long + "a", long + "b", "", "a", "b"])])
        #expect(Set(hashes).count == 5)
        // Deterministic across calls (no per-process seed).
        #expect(hashes == RowHash.hash([Column(strings: [long + "a", long + "b", "", "a", "b"])]))
    }
}

@Suite struct SortIndicesTests {
    @Test("Ascending puts nulls first, descending last; equal keys keep their order")
    func singleKey() {
        let column = Column(int64: [3, nil, 1, 3, 2, nil])
        #expect(Column.sortIndices(by: [SortKey(column)]) == [1, 5, 2, 4, 0, 3])
        #expect(Column.sortIndices(by: [SortKey(column, ascending: false)]) == [0, 3, 4, 2, 1, 5])
        #expect(Column.sortIndices(by: [SortKey(column, ascending: true, nullsFirst: false)]) == [2, 4, 0, 3, 1, 5])
        #expect(Column.sortIndices(by: [(column: column, ascending: false, nullsFirst: true)]) == [1, 5, 0, 3, 4, 2])
    }

    @Test("Several keys, text by bytes, NaN last when ascending")
    func severalKeys() throws {
        let country = Column(strings: ["FR", "DE", "FR", "DE", "AT"])
        let amount = Column(float64: [.nan, 2, 1, 2, -1])
        #expect(Column.sortIndices(by: [SortKey(country), SortKey(amount, ascending: false)]) == [4, 1, 3, 0, 2])
        #expect(Column.sortIndices(by: [SortKey(amount)]) == [4, 2, 1, 3, 0])
    }

    @Test("Dictionary text sorts like plain text; empty input sorts to nothing")
    func dictionaryAndEmpty() {
        let dictionary = Column(.string, storage: .dictionary(indices: [2, 0, 1, 0], values: VariableWidthBuffer(offsets: [0, 1, 2, 3], bytes: Array("cab".utf8))))
        let plain = Column(strings: ["b", "c", "a", "c"])
        #expect(Column.sortIndices(by: [SortKey(dictionary)]) == Column.sortIndices(by: [SortKey(plain)]))
        #expect(Column.sortIndices(by: [SortKey(Column(int64: []))]) == [])
        #expect(Column.sortIndices(by: [SortKey]()) == [])
    }

    @Test("A larger shuffled column sorts correctly and stably")
    func larger() {
        var generator = SplitMix(seed: 42)
        let values = (0..<5_000).map { _ in Int64(generator.next() % 100) }
        let order = Column.sortIndices(by: [SortKey(Column(int64: values))])
        #expect(order.count == values.count)
        for position in 1..<order.count {
            let previous = values[order[position - 1]]
            let current = values[order[position]]
            #expect(previous < current || (previous == current && order[position - 1] < order[position]))
        }
    }
}

/// A small deterministic generator for test data.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
