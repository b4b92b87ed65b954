import GlueColumnar
import GlueCore

/// `rlike`, `regexp_replace`, `regexp_extract` and `split` through Swift's `Regex`, whose syntax
/// covers the Java patterns people write (classes, groups, quantifiers, anchors, `\d \w \s`).
/// The pattern is compiled once per batch.
enum RegexKernels {
    static func compile(_ pattern: String) throws(GlueError) -> Regex<AnyRegexOutput> {
        do {
            return try Regex(pattern)
        } catch {
            throw GlueError(.invalidInput, "The regular expression '\(pattern)' is not valid: \(error)")
        }
    }

    /// Checks a pattern at planning time.
    public static func validate(_ pattern: String) throws(GlueError) { _ = try compile(pattern) }

    /// Python's `re.match`: true where the pattern matches at the start of the text (null stays
    /// null). A dictionary column is matched once per distinct value.
    static func matchAtStart(_ input: Column, pattern: String) throws(GlueError) -> Column {
        let regex = try compile(pattern)
        let count = input.count
        if case .dictionary(let keys, let values) = input.storage {
            let perEntry = try matchAtStart(Column(.string, storage: .bytes(values)), pattern: pattern)
            guard case .boolean(let entryFlags) = perEntry.storage else { return perEntry }
            var flags = [Bool](repeating: false, count: count)
            for row in 0..<count {
                let key = Int(keys[row])
                if key >= 0 && key < entryFlags.count { flags[row] = entryFlags[key] }
            }
            return Column(.boolean, storage: .boolean(flags), validity: input.validity)
        }
        var flags = [Bool](repeating: false, count: count)
        try ExpressionKernels.withRowBytes(input) { row in
            for index in 0..<count where !input.isNull(at: index) {
                let text = String(decoding: row(index), as: UTF8.self)
                flags[index] = (try? regex.prefixMatch(in: text)) != nil
            }
        }
        return Column(.boolean, storage: .boolean(flags), validity: input.validity)
    }

    static func evaluate(_ function: ScalarFunction, _ input: Column, pattern: String, replacement: String?, group: Int) throws(GlueError) -> Column {
        let regex = try compile(pattern)
        let count = input.count
        switch function {
        case .rlike:
            var flags = [Bool](repeating: false, count: count)
            try ExpressionKernels.withRowBytes(input) { row in
                for index in 0..<count where !input.isNull(at: index) {
                    let text = String(decoding: row(index), as: UTF8.self)
                    flags[index] = (try? regex.firstMatch(in: text)) != nil
                }
            }
            return Column(.boolean, storage: .boolean(flags), validity: input.validity)
        case .split:
            var offsets = [0]
            var parts: [String?] = []
            let validity = ExpressionKernels.Nulls(input.validity, count: count)
            try ExpressionKernels.withRowBytes(input) { row in
                for index in 0..<count {
                    if validity.isValid(index) {
                        let text = String(decoding: row(index), as: UTF8.self)
                        var position = text.startIndex
                        for match in text.matches(of: regex) where !match.range.isEmpty {
                            parts.append(String(text[position..<match.range.lowerBound]))
                            position = match.range.upperBound
                        }
                        parts.append(String(text[position...]))
                    }
                    offsets.append(parts.count)
                }
            }
            let values = Column(strings: parts)
            return Column(.array(.string), storage: .list(offsets: offsets, values: values), validity: validity.bitmap)
        default:
            return try ExpressionKernels.withRowBytes(input) { (row) throws(GlueError) -> Column in
                try ExpressionKernels.text(.string, count: count, validity: input.validity) { index, output in
                    let text = String(decoding: row(index), as: UTF8.self)
                    if function == .regexp_extract {
                        guard let match = try? regex.firstMatch(in: text) else { return true }
                        guard group >= 0, group < match.output.count else { return false }
                        if let substring = match.output[group].substring { output.append(contentsOf: substring.utf8) }
                        return true
                    }
                    var position = text.startIndex
                    for match in text.matches(of: regex) {
                        output.append(contentsOf: text[position..<match.range.lowerBound].utf8)
                        appendReplacement(replacement ?? "", match: match, to: &output)
                        position = match.range.upperBound
                    }
                    output.append(contentsOf: text[position...].utf8)
                    return true
                }
            }
        }
    }

    /// Java's replacement syntax: `$n` is group *n*, `\x` is a literal `x`.
    static func appendReplacement(_ replacement: String, match: Regex<AnyRegexOutput>.Match, to output: inout [UInt8]) {
        let bytes = Array(replacement.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count {
                output.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] >= 48, bytes[index + 1] <= 57 {
                let group = Int(bytes[index + 1] - 48)
                if group < match.output.count, let substring = match.output[group].substring { output.append(contentsOf: substring.utf8) }
                index += 2
                continue
            }
            output.append(byte)
            index += 1
        }
    }
}
