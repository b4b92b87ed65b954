extension DataType: CustomStringConvertible {
    /// The catalog type string: `bigint`, `decimal(10,2)`, `map<string,array<int>>`,
    /// `struct<a:int,b:string>` (lower case, no spaces, as crawlers write it).
    public var description: String {
        switch self {
        case .boolean: "boolean"
        case .tinyint: "tinyint"
        case .smallint: "smallint"
        case .int: "int"
        case .bigint: "bigint"
        case .float: "float"
        case .double: "double"
        case .decimal(let precision, let scale): "decimal(\(precision),\(scale))"
        case .string: "string"
        case .char(let length): "char(\(length))"
        case .varchar(let length): "varchar(\(length))"
        case .binary: "binary"
        case .date: "date"
        case .timestamp: "timestamp"
        case .timestampNTZ: "timestamp_ntz"
        case .array(let element): "array<\(element)>"
        case .map(let key, let value): "map<\(key),\(value)>"
        case .struct(let fields): "struct<\(fields.map { "\(Self.quoteIfNeeded($0.name)):\($0.dataType)" }.joined(separator: ","))>"
        case .choice(let types): "choice<\(types.map(\.description).joined(separator: ","))>"
        }
    }

    private static func quoteIfNeeded(_ name: String) -> String {
        let plain = name.utf8.allSatisfy { TypeStringParser.isIdentifierByte($0) } && !name.isEmpty
        return plain ? name : "`" + name.split(separator: "`", omittingEmptySubsequences: false).joined(separator: "``") + "`"
    }

    /// Parses a catalog type string, case-insensitively.
    ///
    /// Accepts the Hive names (`int`, `integer`, `bigint`, `decimal`, `decimal(p)`, `decimal(p,s)`,
    /// `char(n)`, `varchar(n)`, `array<T>`, `map<K,V>`, `struct<name:T,...>`), the DynamicFrame
    /// names (`byte`, `short`, `integer`, `long`), `timestamp_ntz`/`timestampntz` and
    /// `choice<...>`. Spaces around punctuation are allowed.
    ///
    /// - Throws: `InvalidInputException` naming the position of the problem.
    public init(parsing text: String) throws(GlueError) {
        var parser = TypeStringParser(text)
        parser.skipSpaces()
        let type = try parser.parseType()
        parser.skipSpaces()
        guard parser.isAtEnd else { throw parser.error("unexpected text after the type") }
        self = type
    }
}

/// A recursive-descent reader of catalog type strings and column lists, over UTF-8 bytes.
struct TypeStringParser {
    let text: String
    let bytes: [UInt8]
    var position = 0

    init(_ text: String) {
        self.text = text
        self.bytes = Array(text.utf8)
    }

    var isAtEnd: Bool { position >= bytes.count }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    func error(_ reason: String) -> GlueError {
        GlueError(.invalidInput, "Invalid type string \"\(text)\" at character \(position + 1): \(reason).")
    }

    mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t") || bytes[position] == UInt8(ascii: "\n") {
            position += 1
        }
    }

    mutating func expect(_ byte: UInt8) throws(GlueError) {
        skipSpaces()
        guard position < bytes.count, bytes[position] == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    mutating func consume(_ byte: UInt8) -> Bool {
        skipSpaces()
        if position < bytes.count, bytes[position] == byte {
            position += 1
            return true
        }
        return false
    }

    /// A plain identifier or a backquoted one (where ``` `` ``` is a literal backquote).
    mutating func parseIdentifier(allowSpacesUntil stop: UInt8?) throws(GlueError) -> String {
        skipSpaces()
        guard position < bytes.count else { throw error("expected a name") }
        if bytes[position] == UInt8(ascii: "`") {
            position += 1
            var name: [UInt8] = []
            while true {
                guard position < bytes.count else { throw error("unclosed backquote") }
                let byte = bytes[position]
                position += 1
                if byte == UInt8(ascii: "`") {
                    if position < bytes.count, bytes[position] == UInt8(ascii: "`") {
                        name.append(byte)
                        position += 1
                    } else {
                        break
                    }
                } else {
                    name.append(byte)
                }
            }
            return String(decoding: name, as: UTF8.self)
        }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if Self.isIdentifierByte(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "$") || byte == UInt8(ascii: ".") {
                position += 1
            } else if let stop, byte == UInt8(ascii: " "), byte != stop {
                position += 1
            } else {
                break
            }
        }
        guard position > start else { throw error("expected a name") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    mutating func parseInteger() throws(GlueError) -> Int {
        skipSpaces()
        let start = position
        var value = 0
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            value = value &* 10 &+ Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
            if position - start > 9 { throw error("number too large") }
        }
        guard position > start else { throw error("expected a number") }
        return value
    }

    mutating func parseType() throws(GlueError) -> DataType {
        skipSpaces()
        let start = position
        while position < bytes.count, Self.isIdentifierByte(bytes[position]) { position += 1 }
        guard position > start else { throw error("expected a type name") }
        let name = String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
        switch name {
        case "boolean", "bool": return .boolean
        case "tinyint", "byte": return .tinyint
        case "smallint", "short": return .smallint
        case "int", "integer": return .int
        case "bigint", "long": return .bigint
        case "float", "real": return .float
        case "double": return .double
        case "string": return .string
        case "binary": return .binary
        case "date": return .date
        case "timestamp": return .timestamp
        case "timestamp_ntz", "timestampntz": return .timestampNTZ
        case "decimal", "numeric", "dec":
            guard consume(UInt8(ascii: "(")) else { return .decimal(precision: 10, scale: 0) }
            let precision = try parseInteger()
            var scale = 0
            if consume(UInt8(ascii: ",")) { scale = try parseInteger() }
            try expect(UInt8(ascii: ")"))
            guard precision >= 1, precision <= DataType.maximumDecimalPrecision else {
                throw error("decimal precision \(precision) is outside 1...38")
            }
            guard scale <= precision else { throw error("decimal scale \(scale) exceeds precision \(precision)") }
            return .decimal(precision: precision, scale: scale)
        case "char", "varchar":
            try expect(UInt8(ascii: "("))
            let length = try parseInteger()
            try expect(UInt8(ascii: ")"))
            if name == "char" {
                guard length >= 1, length <= 255 else { throw error("char length \(length) is outside 1...255") }
                return .char(length)
            }
            guard length >= 1, length <= 65535 else { throw error("varchar length \(length) is outside 1...65535") }
            return .varchar(length)
        case "array":
            try expect(UInt8(ascii: "<"))
            let element = try parseType()
            try expect(UInt8(ascii: ">"))
            return .array(element)
        case "map":
            try expect(UInt8(ascii: "<"))
            let key = try parseType()
            try expect(UInt8(ascii: ","))
            let value = try parseType()
            try expect(UInt8(ascii: ">"))
            return .map(key: key, value: value)
        case "struct":
            try expect(UInt8(ascii: "<"))
            var fields: [Field] = []
            if consume(UInt8(ascii: ">")) { return .struct([]) }
            repeat {
                let fieldName = try parseIdentifier(allowSpacesUntil: nil)
                try expect(UInt8(ascii: ":"))
                fields.append(Field(fieldName, try parseType()))
            } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: ">"))
            return .struct(fields)
        case "choice":
            try expect(UInt8(ascii: "<"))
            var types: [DataType] = []
            repeat { types.append(try parseType()) } while consume(UInt8(ascii: ","))
            try expect(UInt8(ascii: ">"))
            guard types.count >= 2 else { throw error("a choice type needs at least two types") }
            return .choice(types)
        default:
            position = start
            throw error("unknown type \"\(name)\"")
        }
    }
}
