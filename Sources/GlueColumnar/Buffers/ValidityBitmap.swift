/// One bit per row: set when the row holds a value, clear when it is null.
///
/// Bits are packed little-endian into 64-bit words, as in Arrow: row `i` is bit `i % 64` of word
/// `i / 64`. Bits past `count` in the last word are always clear, so word-wise `&` and popcounts
/// need no masking.
public struct ValidityBitmap: Sendable, Hashable {
    /// The packed words.
    @usableFromInline internal var words: [UInt64]
    /// The number of rows covered.
    @inlinable public var count: Int { storedCount }
    @usableFromInline internal var storedCount: Int

    /// A bitmap of `count` rows, all valid or all null.
    public init(count: Int, allValid: Bool) {
        precondition(count >= 0, "negative row count")
        self.storedCount = count
        let wordCount = (count + 63) >> 6
        if allValid {
            words = Array(repeating: ~0, count: wordCount)
            let tail = count & 63
            if tail != 0 { words[wordCount - 1] = (1 << UInt64(tail)) &- 1 }
        } else {
            words = Array(repeating: 0, count: wordCount)
        }
    }

    /// A bitmap from one flag per row.
    public init(_ flags: some Sequence<Bool>) {
        self.init(count: 0, allValid: false)
        for flag in flags { append(flag) }
    }

    init(words: [UInt64], count: Int) {
        self.words = words
        self.storedCount = count
    }

    /// Whether row `index` holds a value.
    @inlinable
    public func isValid(at index: Int) -> Bool {
        precondition(index >= 0 && index < count, "row index out of range")
        return words[index &>> 6] & (1 &<< UInt64(index & 63)) != 0
    }

    /// Sets whether row `index` holds a value.
    @inlinable
    public mutating func set(_ isValid: Bool, at index: Int) {
        precondition(index >= 0 && index < count, "row index out of range")
        let mask: UInt64 = 1 &<< UInt64(index & 63)
        if isValid { words[index &>> 6] |= mask } else { words[index &>> 6] &= ~mask }
    }

    /// Appends one row.
    @inlinable
    public mutating func append(_ isValid: Bool) {
        if count & 63 == 0 { words.append(0) }
        if isValid { words[count &>> 6] |= 1 &<< UInt64(count & 63) }
        storedCount += 1
    }

    /// Appends `n` rows with the same flag.
    public mutating func append(repeating isValid: Bool, count n: Int) {
        guard n > 0 else { return }
        if !isValid && count & 63 == 0 {
            words.append(contentsOf: repeatElement(0, count: (n + 63) >> 6))
            storedCount += n
            return
        }
        for _ in 0..<n { append(isValid) }
    }

    /// The number of valid rows.
    ///
    /// - Complexity: O(*n* / 64).
    public var validCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The number of null rows.
    ///
    /// - Complexity: O(*n* / 64).
    public var nullCount: Int { count - validCount }

    /// The rows valid in both bitmaps (word-wise `&`).
    ///
    /// - Complexity: O(*n* / 64).
    public func intersection(_ other: ValidityBitmap) -> ValidityBitmap {
        precondition(count == other.count, "bitmaps of different lengths")
        var result = words
        other.words.withUnsafeBufferPointer { rhs in
            for index in result.indices { result[index] &= rhs[index] }
        }
        return ValidityBitmap(words: result, count: count)
    }

    /// The rows valid in either bitmap (word-wise `|`).
    ///
    /// - Complexity: O(*n* / 64).
    public func union(_ other: ValidityBitmap) -> ValidityBitmap {
        precondition(count == other.count, "bitmaps of different lengths")
        var result = words
        other.words.withUnsafeBufferPointer { rhs in
            for index in result.indices { result[index] |= rhs[index] }
        }
        return ValidityBitmap(words: result, count: count)
    }

    /// The flags as booleans.
    public var flags: [Bool] { (0..<count).map(isValid(at:)) }
}

extension ValidityBitmap {
    /// Combines two optional bitmaps, where `nil` means "no nulls".
    public static func intersection(_ lhs: ValidityBitmap?, _ rhs: ValidityBitmap?) -> ValidityBitmap? {
        switch (lhs, rhs) {
        case (nil, nil): nil
        case (let bitmap?, nil), (nil, let bitmap?): bitmap
        case (let left?, let right?): left.intersection(right)
        }
    }
}
