import GlueCore

extension Column {
    /// Text to every primitive type, parsed from the bytes with the public parsers
    /// (``IntegerParser``, ``FloatingPointParser``, ``DecimalParser``, ``BooleanParser``,
    /// ``DateParser``, ``TimestampParser``); text that does not parse becomes null.
    func castFromString(_ buffer: VariableWidthBuffer, to target: DataType) -> Column {
        switch target {
        case .boolean: return CastSupport.parse(target, buffer, validity: validity) { BooleanParser.parse($0) }
        case .tinyint: return CastSupport.parse(target, buffer, validity: validity) { IntegerParser.parse($0, as: Int8.self) }
        case .smallint: return CastSupport.parse(target, buffer, validity: validity) { IntegerParser.parse($0, as: Int16.self) }
        case .int: return CastSupport.parse(target, buffer, validity: validity) { IntegerParser.parse($0, as: Int32.self) }
        case .bigint: return CastSupport.parse(target, buffer, validity: validity) { IntegerParser.parseInt64($0) }
        case .float: return CastSupport.parse(target, buffer, validity: validity) { FloatingPointParser.parseFloat($0) }
        case .double: return CastSupport.parse(target, buffer, validity: validity) { FloatingPointParser.parseDouble($0) }
        case .decimal(let precision, let scale):
            return CastSupport.parse(target, buffer, validity: validity) { DecimalParser.parse($0, precision: precision, scale: scale) }
        case .date: return CastSupport.parse(target, buffer, validity: validity) { DateParser.parseDays($0) }
        case .timestamp: return CastSupport.parse(target, buffer, validity: validity) { TimestampParser.parseMicroseconds($0) }
        case .timestampNTZ:
            return CastSupport.parse(target, buffer, validity: validity) { TimestampParser.parseMicrosecondsWithoutTimeZone($0) }
        case .binary, .string, .char, .varchar:
            return Column(target, storage: .bytes(buffer), validity: validity)
        default:
            return .nulls(target, count: buffer.count)
        }
    }
}
