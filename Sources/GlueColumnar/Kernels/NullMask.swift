/// Collects the null rows of a kernel's result, starting from the input's validity.
///
/// The bitmap words are allocated only when the first null appears, so a kernel over a column
/// without nulls that produces none never builds one.
struct NullMask {
    private var words: [UInt64]
    private var hasBitmap: Bool
    let count: Int

    /// Starts from `validity` (`nil`: every row valid) for `count` rows.
    init(_ validity: ValidityBitmap?, count: Int) {
        self.count = count
        if let validity {
            words = validity.words
            hasBitmap = true
        } else {
            words = []
            hasBitmap = false
        }
    }

    /// Marks row `index` null.
    @inline(__always)
    mutating func setNull(_ index: Int) {
        if !hasBitmap {
            words = ValidityBitmap(count: count, allValid: true).words
            hasBitmap = true
        }
        words[index &>> 6] &= ~(1 &<< UInt64(index & 63))
    }

    /// Whether row `index` is still valid.
    @inline(__always)
    func isValid(_ index: Int) -> Bool {
        !hasBitmap || words[index &>> 6] & (1 &<< UInt64(index & 63)) != 0
    }

    /// The finished bitmap, or `nil` when no row is null.
    func finish() -> ValidityBitmap? {
        hasBitmap ? ValidityBitmap(words: words, count: count) : nil
    }
}
