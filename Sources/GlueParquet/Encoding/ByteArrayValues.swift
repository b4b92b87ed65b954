/// Decoded variable-length values (BYTE_ARRAY) or fixed-width ones (FIXED_LEN_BYTE_ARRAY): one
/// byte buffer plus `count + 1` offsets.
struct ByteArrayValues: Sendable {
    var offsets: [Int] = [0]
    var bytes: [UInt8] = []

    var count: Int { offsets.count - 1 }

    @inline(__always)
    mutating func append(_ value: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
    }

    @inline(__always)
    mutating func append(_ value: ArraySlice<UInt8>) {
        bytes.append(contentsOf: value)
        offsets.append(bytes.count)
    }

    @inline(__always)
    func range(at index: Int) -> Range<Int> { offsets[index]..<offsets[index + 1] }
}
