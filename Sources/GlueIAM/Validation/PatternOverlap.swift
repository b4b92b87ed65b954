/// Whether two wildcard patterns can match a common string: used to decide whether a policy's
/// Resource entry can ever name a resource of a given type (an ARN format such as
/// `arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
enum PatternOverlap {
    enum Token: Hashable {
        case character(UInt8)
        /// Any run of characters except, when set, `/` (a bucket name) and `:` (an ARN field that is
        /// not the last part of the resource).
        case anyRun(excludingSlash: Bool, excludingColon: Bool)
        case oneCharacter
    }

    /// Tokens of a policy pattern: `*` and `?` are wildcards, `${...}` variables match anything.
    static func policyTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let close = bytes[index...].firstIndex(of: UInt8(ascii: "}"))
            {
                tokens.append(.anyRun(excludingSlash: false, excludingColon: false))
                index = close + 1
                continue
            }
            switch byte {
            case UInt8(ascii: "*"): tokens.append(.anyRun(excludingSlash: false, excludingColon: false))
            case UInt8(ascii: "?"): tokens.append(.oneCharacter)
            default: tokens.append(.character(byte))
            }
            index += 1
        }
        return tokens
    }

    /// Tokens of an ARN format: each `${Name}` is a non-empty run (a bucket name cannot hold `/`).
    static func formatTokens(_ format: String) -> [Token] {
        var tokens: [Token] = []
        let bytes = Array(format.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let close = bytes[index...].firstIndex(of: UInt8(ascii: "}"))
            {
                let name = String(decoding: bytes[(index + 2)..<close], as: UTF8.self)
                let isLast = close + 1 == bytes.count
                tokens.append(.anyRun(excludingSlash: name == "BucketName", excludingColon: !isLast))
                index = close + 1
                continue
            }
            tokens.append(.character(bytes[index]))
            index += 1
        }
        return tokens
    }

    private static func allowed(_ byte: UInt8, _ noSlash: Bool, _ noColon: Bool) -> Bool {
        !(noSlash && byte == UInt8(ascii: "/")) && !(noColon && byte == UInt8(ascii: ":"))
    }

    /// Whether some string matches both token lists.
    static func overlaps(_ left: [Token], _ right: [Token]) -> Bool {
        var failed = Set<Int>()
        let width = right.count + 1
        func search(_ i: Int, _ j: Int) -> Bool {
            if i == left.count && j == right.count { return true }
            let key = i * width + j
            if failed.contains(key) { return false }
            var result = false
            let a = i < left.count ? left[i] : nil
            let b = j < right.count ? right[j] : nil
            if case .anyRun(let aNoSlash, let aNoColon)? = a {
                if search(i + 1, j) {
                    result = true
                } else if let b {
                    switch b {
                    case .character(let c): result = allowed(c, aNoSlash, aNoColon) && search(i, j + 1)
                    case .oneCharacter: result = search(i, j + 1)
                    case .anyRun: result = search(i, j + 1)
                    }
                }
            } else if case .anyRun(let bNoSlash, let bNoColon)? = b {
                if search(i, j + 1) {
                    result = true
                } else if let a {
                    switch a {
                    case .character(let c): result = allowed(c, bNoSlash, bNoColon) && search(i + 1, j)
                    case .oneCharacter: result = search(i + 1, j)
                    case .anyRun: result = false
                    }
                }
            } else if let a, let b {
                switch (a, b) {
                case (.character(let x), .character(let y)): result = x == y && search(i + 1, j + 1)
                default: result = search(i + 1, j + 1)
                }
            }
            if !result { failed.insert(key) }
            return result
        }
        return search(0, 0)
    }
}
