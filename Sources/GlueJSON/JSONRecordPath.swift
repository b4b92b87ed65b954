import GlueCore

/// The subset of JsonPath that Glue's `jsonPath` option uses to find records in a document:
/// `$`, member steps (`$.a.b`, `$['a b']`), array wildcards (`$[*]`, `$.items[*]`) and indices.
public struct JSONRecordPath: Sendable, Hashable {
    enum Step: Sendable, Hashable {
        case member(String)
        case every
        case index(Int)
    }

    let steps: [Step]

    /// Parses a path.
    ///
    /// - Throws: `InvalidInputException` naming the path when it is not of the supported form.
    public init(_ text: String) throws(GlueError) {
        let bytes = Array(text.utf8)
        var steps: [Step] = []
        var i = 0
        func fail() -> GlueError { GlueError(.invalidInput, "Unsupported jsonPath \"\(text)\"; use forms like $.items[*] or $.a.b.") }
        guard bytes.first == UInt8(ascii: "$") else { throw fail() }
        i = 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: ".") {
                i += 1
                let start = i
                while i < bytes.count && bytes[i] != UInt8(ascii: ".") && bytes[i] != UInt8(ascii: "[") { i += 1 }
                guard i > start else { throw fail() }
                let name = String(decoding: bytes[start..<i], as: UTF8.self)
                steps.append(name == "*" ? .every : .member(name))
            } else if bytes[i] == UInt8(ascii: "[") {
                guard let close = bytes[i...].firstIndex(of: UInt8(ascii: "]")) else { throw fail() }
                let inner = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                if inner == "*" {
                    steps.append(.every)
                } else if let index = Int(inner) {
                    steps.append(.index(index))
                } else if inner.count >= 2, let first = inner.first, first == "'" || first == "\"", inner.last == first {
                    steps.append(.member(String(inner.dropFirst().dropLast())))
                } else {
                    throw fail()
                }
                i = close + 1
            } else {
                throw fail()
            }
        }
        self.steps = steps
    }

    /// The values the path selects in `document`, in document order.
    public func select(_ document: JSONValue) -> [JSONValue] {
        var current = [document]
        for step in steps {
            var next: [JSONValue] = []
            for value in current {
                switch (step, value) {
                case (.member(let name), .object):
                    if let member = value[name] { next.append(member) }
                case (.every, .array(let elements)): next.append(contentsOf: elements)
                case (.every, .object(let members)): next.append(contentsOf: members.map(\.value))
                case (.index(let index), .array(let elements)) where index >= 0 && index < elements.count:
                    next.append(elements[index])
                default: continue
                }
            }
            current = next
        }
        return current
    }
}
