import GlueCore

extension Column {
    /// `date` to timestamps (midnight UTC); to numbers and booleans it is null, as in Spark.
    static func castDate(_ days: [Int32], validity: ValidityBitmap?, to target: DataType) -> Column {
        switch target {
        case .timestamp, .timestampNTZ:
            return CastSupport.column(target, days, validity: validity) { (day: Int32) -> Int64? in
                let (micros, overflow) = Int64(day).multipliedReportingOverflow(by: CastSupport.microsecondsPerDay)
                return overflow ? nil : micros
            }
        default:
            return .nulls(target, count: days.count)
        }
    }

    /// `timestamp` and `timestamp_ntz` to dates, the other timestamp type (UTC: the same
    /// microseconds), numbers (seconds) and booleans.
    static func castTimestamp(_ micros: [Int64], validity: ValidityBitmap?, to target: DataType) -> Column {
        switch target {
        case .date:
            return CastSupport.column(target, micros, validity: validity) {
                Int32(truncatingIfNeeded: CastSupport.floorDivide($0, CastSupport.microsecondsPerDay))
            }
        case .timestamp, .timestampNTZ:
            return Column(target, storage: .int64(micros), validity: validity)
        case .boolean: return CastSupport.column(target, micros, validity: validity) { $0 != 0 }
        case .tinyint:
            return CastSupport.column(target, micros, validity: validity) { Int8(truncatingIfNeeded: CastSupport.floorDivide($0, 1_000_000)) }
        case .smallint:
            return CastSupport.column(target, micros, validity: validity) { Int16(truncatingIfNeeded: CastSupport.floorDivide($0, 1_000_000)) }
        case .int:
            return CastSupport.column(target, micros, validity: validity) { Int32(truncatingIfNeeded: CastSupport.floorDivide($0, 1_000_000)) }
        case .bigint: return CastSupport.column(target, micros, validity: validity) { CastSupport.floorDivide($0, 1_000_000) }
        case .double: return CastSupport.column(target, micros, validity: validity) { Double($0) / 1_000_000 }
        case .float: return CastSupport.column(target, micros, validity: validity) { Float(Double($0) / 1_000_000) }
        case .decimal(let precision, let scale):
            return CastSupport.column(target, micros, validity: validity) {
                CastSupport.decimal(fromDouble: Double($0) / 1_000_000, precision: precision, scale: scale)
            }
        default:
            return .nulls(target, count: micros.count)
        }
    }
}
