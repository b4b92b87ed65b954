import GlueCore

/// A path to a field, top-level or inside structs: Glue's path lists (`["address", "city"]`) or
/// dotted text (`"address.city"`, with back-ticks around names that hold dots:
/// `` "`this.old.name`" ``).
public struct FieldPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The names from the top level down.
    public var components: [String]

    /// A path from its components.
    public init(_ components: [String]) { self.components = components }

    /// Parses dotted text; back-ticked parts are taken literally.
    public init(parsing text: String) {
        var parts: [String] = []
        var current = ""
        var quoted = false
        for character in text {
            if character == "`" {
                quoted.toggle()
            } else if character == "." && !quoted {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        self.components = parts
    }

    public init(stringLiteral value: String) { self.init(parsing: value) }

    /// The dotted form, back-ticking names that hold a dot.
    public var description: String {
        components.map { $0.contains(".") ? "`\($0)`" : $0 }.joined(separator: ".")
    }

    /// The last component.
    public var name: String { components.last ?? "" }
}
