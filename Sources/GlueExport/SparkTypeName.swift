import Foundation
import GlueCore

/// Spark SQL type strings for LocalGlue's types (`bigint`, `decimal(10,2)`, `struct<a:int>`), as
/// `CAST(... AS type)`, `Column.cast` and DDL schemas take them.
enum SparkTypeName {
    /// The Spark type string, or `nil` for a type Spark has no column type for (`choice`).
    static func of(_ type: DataType) -> String? {
        switch type {
        case .char, .varchar: return "string"
        case .timestampNTZ: return "timestamp_ntz"
        case .choice: return nil
        case .array(let element): return of(element).map { "array<\($0)>" }
        case .map(let key, let value):
            guard let key = of(key), let value = of(value) else { return nil }
            return "map<\(key),\(value)>"
        case .struct(let fields):
            var parts: [String] = []
            for field in fields {
                guard let inner = of(field.dataType) else { return nil }
                parts.append("`\(field.name.replacingOccurrences(of: "`", with: "``"))`:\(inner)")
            }
            return "struct<\(parts.joined(separator: ","))>"
        default: return type.description
        }
    }

    /// A DDL schema string: "`a` bigint, `b` string".
    static func ddl(_ fields: [Field]) -> String? {
        var parts: [String] = []
        for field in fields {
            guard let type = of(field.dataType) else { return nil }
            parts.append("`\(field.name.replacingOccurrences(of: "`", with: "``"))` \(type)")
        }
        return parts.joined(separator: ", ")
    }
}
