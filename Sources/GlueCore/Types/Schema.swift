/// The ordered fields of a record batch, a table or a data file.
///
/// Lookups by name follow Spark's default resolution: exact match first, then a single
/// case-insensitive match.
public struct Schema: Hashable, Sendable {
    /// The fields, in column order.
    public var fields: [Field]

    /// Creates a schema from fields.
    public init(_ fields: [Field]) { self.fields = fields }

    /// The number of fields.
    public var count: Int { fields.count }

    /// The field names, in order.
    public var names: [String] { fields.map(\.name) }

    /// Accesses a field by position.
    public subscript(position: Int) -> Field { fields[position] }

    /// The position of the field with this name (exact first, then case-insensitive), or `nil`.
    ///
    /// - Complexity: O(*n*) in the number of fields.
    public func firstIndex(named name: String) -> Int? {
        if let exact = fields.firstIndex(where: { $0.name == name }) { return exact }
        let lowered = name.lowercased()
        let matches = fields.indices.filter { fields[$0].name.lowercased() == lowered }
        return matches.count == 1 ? matches[0] : nil
    }

    /// The field with this name, or `nil`.
    public func field(named name: String) -> Field? { firstIndex(named: name).map { fields[$0] } }

    /// Parses a column list such as `"id bigint, name string, price decimal(10,2)"`.
    ///
    /// Names may be backquoted to hold spaces or commas (`` `order id` int ``); types are catalog
    /// type strings (see ``DataType/init(parsing:)``).
    ///
    /// - Throws: `InvalidInputException` naming the position of the problem.
    public init(parsing text: String) throws(GlueError) {
        var parser = TypeStringParser(text)
        var fields: [Field] = []
        parser.skipSpaces()
        if parser.isAtEnd { self.init([]); return }
        while true {
            parser.skipSpaces()
            let name = try parser.parseIdentifier(allowSpacesUntil: nil)
            parser.skipSpaces()
            let type = try parser.parseType()
            fields.append(Field(name, type))
            parser.skipSpaces()
            if parser.isAtEnd { break }
            try parser.expect(UInt8(ascii: ","))
        }
        var seen = Set<String>()
        for field in fields where !seen.insert(field.name.lowercased()).inserted {
            throw GlueError(.invalidInput, "Duplicate column name \"\(field.name)\" in schema \"\(text)\".")
        }
        self.init(fields)
    }
}

extension Schema: CustomStringConvertible {
    /// `name type, name type, ...`
    public var description: String { fields.map(\.description).joined(separator: ", ") }
}
