import GlueCore

/// A key/value metadata entry of a file or column chunk (`KeyValue`).
public struct KeyValue: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The value, which may be absent.
    public var value: String?

    /// Creates an entry.
    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }

    init(from reader: inout ThriftCompactReader) throws(GlueError) {
        var last: Int16 = 0
        var key: String?
        var value: String?
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch field.id {
            case 1: key = try reader.readString(field.type)
            case 2: value = try reader.readString(field.type)
            default: try reader.skip(field.type)
            }
        }
        guard let key else { throw reader.corrupt("a key/value entry has no key") }
        self.init(key: key, value: value)
    }

    func write(to writer: inout ThriftCompactWriter) {
        writer.beginStruct(nil)
        writer.writeString(1, key)
        if let value { writer.writeString(2, value) }
        writer.endStruct()
    }
}
