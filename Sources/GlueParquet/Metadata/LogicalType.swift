import GlueCore

/// The unit of a Parquet `TIME` or `TIMESTAMP` logical type.
public enum TimeUnit: Hashable, Sendable {
    case millis
    case micros
    case nanos
}

/// A Parquet logical type annotation (the `LogicalType` union of parquet.thrift).
public enum LogicalType: Hashable, Sendable {
    case string
    case map
    case list
    case `enum`
    case decimal(scale: Int32, precision: Int32)
    case date
    case time(isAdjustedToUTC: Bool, unit: TimeUnit)
    case timestamp(isAdjustedToUTC: Bool, unit: TimeUnit)
    case integer(bitWidth: Int8, isSigned: Bool)
    case unknown
    case json
    case bson
    case uuid
    case float16
    /// A union member this version does not know (such as field id 2555 in parquet-testing); read
    /// as if the column had no logical type.
    case other(fieldID: Int16)
}

extension TimeUnit {
    init(from reader: inout ThriftCompactReader) throws(GlueError) {
        var last: Int16 = 0
        var unit: TimeUnit?
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            switch (field.id, field.type) {
            case (1, .struct): unit = .millis
            case (2, .struct): unit = .micros
            case (3, .struct): unit = .nanos
            default: break
            }
            try reader.skip(field.type)
        }
        guard let unit else { throw reader.corrupt("TimeUnit has no known unit") }
        self = unit
    }

    func write(_ id: Int16, to writer: inout ThriftCompactWriter) {
        writer.beginStruct(id)
        switch self {
        case .millis: writer.writeEmptyStruct(1)
        case .micros: writer.writeEmptyStruct(2)
        case .nanos: writer.writeEmptyStruct(3)
        }
        writer.endStruct()
    }
}

extension LogicalType {
    init(from reader: inout ThriftCompactReader) throws(GlueError) {
        var last: Int16 = 0
        var result: LogicalType?
        while let field = try reader.readFieldHeader(lastFieldID: &last) {
            guard field.type == .struct else {
                try reader.skip(field.type)
                continue
            }
            switch field.id {
            case 1: result = .string
            case 2: result = .map
            case 3: result = .list
            case 4: result = .enum
            case 5:
                var inner: Int16 = 0
                var scale: Int32?
                var precision: Int32?
                while let f = try reader.readFieldHeader(lastFieldID: &inner) {
                    switch f.id {
                    case 1: scale = try reader.readI32(f.type)
                    case 2: precision = try reader.readI32(f.type)
                    default: try reader.skip(f.type)
                    }
                }
                guard let scale, let precision else { throw reader.corrupt("DECIMAL logical type lacks scale or precision") }
                result = .decimal(scale: scale, precision: precision)
                continue
            case 6: result = .date
            case 7, 8:
                var inner: Int16 = 0
                var utc = false
                var unit: TimeUnit?
                while let f = try reader.readFieldHeader(lastFieldID: &inner) {
                    switch f.id {
                    case 1: utc = try reader.readBool(f.type)
                    case 2 where f.type == .struct: unit = try TimeUnit(from: &reader)
                    default: try reader.skip(f.type)
                    }
                }
                guard let unit else { throw reader.corrupt("TIME/TIMESTAMP logical type lacks a unit") }
                result = field.id == 7 ? .time(isAdjustedToUTC: utc, unit: unit) : .timestamp(isAdjustedToUTC: utc, unit: unit)
                continue
            case 10:
                var inner: Int16 = 0
                var width: Int8 = 64
                var signed = true
                while let f = try reader.readFieldHeader(lastFieldID: &inner) {
                    switch f.id {
                    case 1: width = Int8(truncatingIfNeeded: try reader.readI64(f.type))
                    case 2: signed = try reader.readBool(f.type)
                    default: try reader.skip(f.type)
                    }
                }
                result = .integer(bitWidth: width, isSigned: signed)
                continue
            case 11: result = .unknown
            case 12: result = .json
            case 13: result = .bson
            case 14: result = .uuid
            case 15: result = .float16
            default: result = .other(fieldID: field.id)
            }
            try reader.skip(.struct)
        }
        self = result ?? .other(fieldID: 0)
    }

    func write(_ id: Int16, to writer: inout ThriftCompactWriter) {
        writer.beginStruct(id)
        switch self {
        case .string: writer.writeEmptyStruct(1)
        case .map: writer.writeEmptyStruct(2)
        case .list: writer.writeEmptyStruct(3)
        case .enum: writer.writeEmptyStruct(4)
        case .decimal(let scale, let precision):
            writer.beginStruct(5)
            writer.writeI32(1, scale)
            writer.writeI32(2, precision)
            writer.endStruct()
        case .date: writer.writeEmptyStruct(6)
        case .time(let utc, let unit), .timestamp(let utc, let unit):
            if case .time = self { writer.beginStruct(7) } else { writer.beginStruct(8) }
            writer.writeBool(1, utc)
            unit.write(2, to: &writer)
            writer.endStruct()
        case .integer(let width, let signed):
            writer.beginStruct(10)
            writer.writeI8(1, width)
            writer.writeBool(2, signed)
            writer.endStruct()
        case .unknown: writer.writeEmptyStruct(11)
        case .json: writer.writeEmptyStruct(12)
        case .bson: writer.writeEmptyStruct(13)
        case .uuid: writer.writeEmptyStruct(14)
        case .float16: writer.writeEmptyStruct(15)
        case .other: break
        }
        writer.endStruct()
    }
}
