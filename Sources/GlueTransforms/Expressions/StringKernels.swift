import GlueColumnar
import GlueCore

/// Text functions on UTF-8 bytes, with Spark's rules: positions and lengths count characters
/// (code points), `trim` removes spaces (U+0020) only, `concat` is null when any argument is.
enum StringKernels {
    static func evaluate(_ function: ScalarFunction, _ columns: [Column], rowCount: Int) throws(GlueError) -> Column {
        switch function {
        case .length:
            let input = columns[0]
            var lengths = [Int32](repeating: 0, count: rowCount)
            try ExpressionKernels.withRowBytes(input) { row in
                for index in 0..<rowCount { lengths[index] = Int32(truncatingIfNeeded: characterCount(row(index))) }
            }
            return Column(.int, storage: .int32(lengths), validity: input.validity)
        case .concat:
            return try concatenate(columns, separator: nil, rowCount: rowCount)
        case .concat_ws:
            return try concatenate(Array(columns.dropFirst()), separator: columns[0], rowCount: rowCount)
        case .instr:
            let validity = ValidityBitmap.intersection(columns[0].validity, columns[1].validity)
            var positions = [Int32](repeating: 0, count: rowCount)
            try ExpressionKernels.withRowBytes(columns[0]) { (subject) throws(GlueError) in
                try ExpressionKernels.withRowBytes(columns[1]) { (needle) throws(GlueError) in
                    for index in 0..<rowCount {
                        let haystack = subject(index)
                        if let offset = firstOffset(of: needle(index), in: haystack) {
                            positions[index] = Int32(truncatingIfNeeded: characterCount(UnsafeBufferPointer(rebasing: haystack[0..<offset])) + 1)
                        }
                    }
                }
            }
            return Column(.int, storage: .int32(positions), validity: validity)
        default:
            break
        }
        let validity = columns.reduce(nil as ValidityBitmap?) { ValidityBitmap.intersection($0, $1.validity) }
        let integers: [[Int32]] = columns.map { if case .int32(let values) = $0.storage { values } else { [] } }
        return try withAllRowBytes(columns) { (rows) throws(GlueError) -> Column in
            try ExpressionKernels.text(.string, count: rowCount, validity: validity) { (index, output) throws(GlueError) -> Bool in
                let subject = rows[0](index)
                switch function {
                case .lower, .upper:
                    if subject.allSatisfy({ $0 < 0x80 }) {
                        for byte in subject {
                            if function == .lower { output.append(byte >= 65 && byte <= 90 ? byte + 32 : byte) } else { output.append(byte >= 97 && byte <= 122 ? byte - 32 : byte) }
                        }
                    } else {
                        let text = String(decoding: subject, as: UTF8.self)
                        output.append(contentsOf: (function == .lower ? text.lowercased() : text.uppercased()).utf8)
                    }
                case .trim, .ltrim, .rtrim:
                    var start = 0
                    var end = subject.count
                    if function != .rtrim { while start < end && subject[start] == 0x20 { start += 1 } }
                    if function != .ltrim { while end > start && subject[end - 1] == 0x20 { end -= 1 } }
                    output.append(contentsOf: subject[start..<end])
                case .initcap:
                    let text = String(decoding: subject, as: UTF8.self).lowercased()
                    var startOfWord = true
                    for character in text {
                        output.append(contentsOf: (startOfWord ? String(character).uppercased() : String(character)).utf8)
                        startOfWord = character == " "
                    }
                case .reverse:
                    var end = subject.count
                    while end > 0 {
                        var start = end - 1
                        while start > 0 && subject[start] & 0xC0 == 0x80 { start -= 1 }
                        output.append(contentsOf: subject[start..<end])
                        end = start
                    }
                case .substring:
                    let position = Int(integers[1][index])
                    let length = columns.count > 2 ? Int(integers[2][index]) : Int(Int32.max)
                    let characters = characterCount(subject)
                    var start = position > 0 ? position - 1 : (position < 0 ? characters + position : 0)
                    let end = min(start + length, characters)
                    start = max(start, 0)
                    if start < end {
                        let from = byteOffset(ofCharacter: start, in: subject)
                        let to = byteOffset(ofCharacter: end, in: subject)
                        output.append(contentsOf: subject[from..<to])
                    }
                case .replace:
                    let search = rows[1](index)
                    let replacement = rows[2](index)
                    if search.isEmpty {
                        output.append(contentsOf: subject)
                    } else {
                        var position = 0
                        while let offset = firstOffset(of: search, in: UnsafeBufferPointer(rebasing: subject[position...])) {
                            output.append(contentsOf: subject[position..<(position + offset)])
                            output.append(contentsOf: replacement)
                            position += offset + search.count
                        }
                        output.append(contentsOf: subject[position...])
                    }
                case .lpad, .rpad:
                    let length = Int(integers[1][index])
                    let pad = rows[2](index)
                    if length <= 0 { return true }
                    let characters = characterCount(subject)
                    if characters >= length || pad.isEmpty {
                        output.append(contentsOf: subject[0..<byteOffset(ofCharacter: min(length, characters), in: subject)])
                        return true
                    }
                    var padding: [UInt8] = []
                    var needed = length - characters
                    let padCharacters = characterCount(pad)
                    while needed >= padCharacters {
                        padding.append(contentsOf: pad)
                        needed -= padCharacters
                    }
                    padding.append(contentsOf: pad[0..<byteOffset(ofCharacter: needed, in: pad)])
                    if function == .lpad {
                        output.append(contentsOf: padding)
                        output.append(contentsOf: subject)
                    } else {
                        output.append(contentsOf: subject)
                        output.append(contentsOf: padding)
                    }
                default:
                    return false
                }
                return true
            }
        }
    }

    /// Calls `body` with a row accessor per text column (non-text columns get an empty accessor).
    static func withAllRowBytes<R>(
        _ columns: [Column], _ body: ([(Int) -> UnsafeBufferPointer<UInt8>]) throws(GlueError) -> R
    ) throws(GlueError) -> R {
        func step(_ index: Int, _ accessors: [(Int) -> UnsafeBufferPointer<UInt8>]) throws(GlueError) -> R {
            if index == columns.count { return try body(accessors) }
            guard columns[index].dataType.isString || columns[index].dataType == .binary else {
                return try step(index + 1, accessors + [{ _ in UnsafeBufferPointer(start: nil, count: 0) }])
            }
            return try ExpressionKernels.withRowBytes(columns[index]) { (row) throws(GlueError) -> R in
                try withoutActuallyEscaping(row) { (escapable) throws(GlueError) -> R in
                    try step(index + 1, accessors + [escapable])
                }
            }
        }
        return try step(0, [])
    }

    static func concatenate(_ columns: [Column], separator: Column?, rowCount: Int) throws(GlueError) -> Column {
        let validity: ValidityBitmap? = separator == nil
            ? columns.reduce(nil as ValidityBitmap?) { ValidityBitmap.intersection($0, $1.validity) }
            : separator?.validity
        let all = (separator.map { [$0] } ?? []) + columns
        let offset = separator == nil ? 0 : 1
        return try withAllRowBytes(all) { (rows) throws(GlueError) -> Column in
            try ExpressionKernels.text(.string, count: rowCount, validity: validity) { (index, output) throws(GlueError) -> Bool in
                var first = true
                for position in columns.indices {
                    if separator != nil && columns[position].isNull(at: index) { continue }
                    if !first, separator != nil { output.append(contentsOf: rows[0](index)) }
                    output.append(contentsOf: rows[position + offset](index))
                    first = false
                }
                return true
            }
        }
    }

    /// The number of code points in UTF-8 bytes.
    @inline(__always)
    static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The byte offset where character `n` starts (the end when there are fewer).
    static func byteOffset(ofCharacter n: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var seen = 0
        for offset in 0..<bytes.count where bytes[offset] & 0xC0 != 0x80 {
            if seen == n { return offset }
            seen += 1
        }
        return bytes.count
    }

    static func byteOffset(ofCharacter n: Int, in bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { byteOffset(ofCharacter: n, in: $0) }
    }

    static func characterCount(_ bytes: [UInt8]) -> Int { bytes.withUnsafeBufferPointer { characterCount($0) } }

    /// The first byte offset of `needle` in `haystack`.
    static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        if needle.isEmpty { return 0 }
        guard haystack.count >= needle.count else { return nil }
        let first = needle[0]
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var equal = true
                for offset in 1..<needle.count where haystack[start + offset] != needle[offset] {
                    equal = false
                    break
                }
                if equal { return start }
            }
            start += 1
        }
        return nil
    }
}
