import GlueColumnar
import GlueCore

/// Infers a schema from JSON records the way a DynamicFrame computes one.
///
/// Follows awsglue's `mergeDataTypes`: null merged with T is T; the same type merges to itself;
/// structs merge field by field (fields in first-seen order); arrays merge their elements; two
/// different types become a `choice<...>` of both. JSON numbers without fraction or exponent are
/// `bigint`, others `double`; a field never seen with a value is `string`.
public struct JSONSchemaInference: Sendable {
    indirect enum Shape: Sendable, Hashable {
        case null, boolean, long, double, string
        case array(Shape)
        case structure([String], [String: Shape])
        case choice([Shape])

        var kind: Int {
            switch self {
            case .null: 0
            case .boolean: 1
            case .long: 2
            case .double: 3
            case .string: 4
            case .array: 5
            case .structure: 6
            case .choice: 7
            }
        }
    }

    private var root: Shape = .structure([], [:])

    /// An empty inference.
    public init() {}

    /// Adds one record (an object; other values are ignored).
    public mutating func add(_ record: JSONValue) {
        guard case .object = record else { return }
        root = JSONSchemaInference.merge(root, JSONSchemaInference.shape(of: record))
    }

    /// The schema of the records added so far.
    public var schema: Schema {
        guard case .structure(let order, let fields) = root else { return Schema([]) }
        return Schema(order.map { Field($0, JSONSchemaInference.dataType(fields[$0] ?? .null)) })
    }

    static func shape(of value: JSONValue) -> Shape {
        switch value {
        case .null: return .null
        case .bool: return .boolean
        case .number(let text): return Int64(text) != nil ? .long : .double
        case .string: return .string
        case .array(let elements):
            var element = Shape.null
            for item in elements { element = merge(element, shape(of: item)) }
            return .array(element)
        case .object(let members):
            var order: [String] = []
            var fields: [String: Shape] = [:]
            for member in members {
                if let existing = fields[member.key] {
                    fields[member.key] = merge(existing, shape(of: member.value))
                } else {
                    order.append(member.key)
                    fields[member.key] = shape(of: member.value)
                }
            }
            return .structure(order, fields)
        }
    }

    static func merge(_ a: Shape, _ b: Shape) -> Shape {
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case (.array(let x), .array(let y)): return .array(merge(x, y))
        case (.structure(let order1, let fields1), .structure(let order2, let fields2)):
            var order = order1
            var fields = fields1
            for name in order2 {
                if let existing = fields[name] {
                    fields[name] = merge(existing, fields2[name] ?? .null)
                } else {
                    order.append(name)
                    fields[name] = fields2[name]
                }
            }
            return .structure(order, fields)
        case (.choice(let branches), .choice(let others)):
            var result = Shape.choice(branches)
            for other in others { result = merge(result, other) }
            return result
        case (.choice(let branches), _):
            var merged = branches
            if let index = merged.firstIndex(where: { $0.kind == b.kind }) {
                merged[index] = merge(merged[index], b)
            } else {
                merged.append(b)
            }
            return .choice(merged)
        case (_, .choice): return merge(b, a)
        default:
            if a.kind == b.kind { return a }
            return .choice([a, b])
        }
    }

    static func dataType(_ shape: Shape) -> DataType {
        switch shape {
        case .null, .string: return .string
        case .boolean: return .boolean
        case .long: return .bigint
        case .double: return .double
        case .array(let element): return .array(dataType(element))
        case .structure(let order, let fields): return .struct(order.map { Field($0, dataType(fields[$0] ?? .null)) })
        case .choice(let branches): return .choice(branches.map(dataType))
        }
    }
}
