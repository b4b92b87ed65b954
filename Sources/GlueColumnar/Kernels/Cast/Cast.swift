import GlueCore

/// Spark's `CAST` with ANSI mode off, as AWS Glue runs it, and the rule for which casts exist.
///
/// A value that cannot be converted becomes null; no input value makes a cast fail or crash.
/// A *pair of types* Spark refuses (`binary` to `int`, `date` to `timestamp_ntz`'s siblings...)
/// is an error at planning time, as Spark's analyzer reports it.
///
/// What Spark does, and so what ``Column/cast(to:)`` does (checked against Spark's `Cast.scala`,
/// `UTF8String.toLong`, `Decimal.scala` and `SparkDateTimeUtils.scala`):
///
/// | from → to | result |
/// | --- | --- |
/// | integer → narrower integer | wraps (Java's narrowing: `CAST(300 AS TINYINT)` is 44) |
/// | decimal → integer | integral part truncated toward zero, then wraps (`BigDecimal.longValue`) |
/// | float/double → integer | truncated toward zero, NaN is 0, saturates at `bigint`/`int` bounds; `smallint` and `tinyint` then wrap from the `int` |
/// | string → integer | trimmed; `1.9` is 1; overflow, `1e3` and junk are **null** |
/// | anything → decimal(p,s) | rounded `HALF_UP`; more than `p` digits is **null**; double/float go through their shortest decimal text |
/// | string → float/double | Java syntax (`1e3`, `2.5d`), `NaN`, `Infinity`, `inf`; junk is null |
/// | numeric → boolean | non-zero is true (NaN is true) |
/// | string → boolean | `t true y yes 1` / `f false n no 0`, any case; else null |
/// | date → numeric or boolean | null |
/// | integer → timestamp | seconds since the epoch (saturating); double: NaN and ±∞ are null |
/// | timestamp → integer | whole seconds, rounded toward −∞, then wrapped; → double: seconds with fraction |
/// | string → date | `yyyy`, `yyyy-m`, `yyyy-m-d`, and anything after a space or `T` is ignored |
/// | string → timestamp | ISO forms with ` ` or `T`, fraction to microseconds, `Z`/`±hh:mm` zones; no zone means the session zone, UTC in Glue |
/// | timestamp ↔ timestamp_ntz, date ↔ timestamps | through UTC, Glue's session zone |
/// | integer → binary | big-endian two's complement of the source width |
/// | anything → string | Spark's text: `1.0E7` for doubles, `BigDecimal.toString` for decimals (`0E-18`), `2024-01-02 03:04:05.5` for timestamps, `[1, null]`, `{a -> 1}`, `{1, x}` |
///
/// `char(n)` and `varchar(n)` targets behave as `string` (Spark 3 does not pad or truncate in a
/// cast). Time zones are UTC throughout (Glue's `spark.sql.session.timeZone`).
public enum Cast {
    /// Whether Spark allows a cast from one type to another (`Cast.canCast`).
    public static func canCast(from source: DataType, to target: DataType) -> Bool {
        if source == target { return true }
        switch (source, target) {
        case (.choice, _), (_, .choice): return false
        case (_, .string), (_, .char), (_, .varchar): return true
        case (.binary, _): return false
        case (.array(let from), .array(let to)): return canCast(from: from, to: to)
        case (.map(let fromKey, let fromValue), .map(let toKey, let toValue)):
            return canCast(from: fromKey, to: toKey) && canCast(from: fromValue, to: toValue)
        case (.struct(let from), .struct(let to)):
            return from.count == to.count && zip(from, to).allSatisfy { canCast(from: $0.dataType, to: $1.dataType) }
        case (.array, _), (.map, _), (.struct, _), (_, .array), (_, .map), (_, .struct): return false
        default: break
        }
        let fromString = source.isString
        switch target {
        case .binary: return fromString || source.isIntegral
        case .boolean: return fromString || source == .date || source == .timestamp || source.isNumeric
        case .timestamp: return fromString || source == .boolean || source == .date || source.isNumeric || source == .timestampNTZ
        case .timestampNTZ: return fromString || source == .date || source == .timestamp
        case .date: return fromString || source == .timestamp || source == .timestampNTZ
        case .tinyint, .smallint, .int, .bigint, .float, .double, .decimal:
            return fromString || source == .boolean || source == .date || source == .timestamp || source.isNumeric
        default: return false
        }
    }
}

extension Column {
    /// This column converted to `target` with Spark's cast semantics (see ``Cast``): values that
    /// cannot be converted become null.
    ///
    /// - Throws: `InvalidInputException` when Spark does not allow the pair of types at all
    ///   (``Cast/canCast(from:to:)`` is false).
    /// - Complexity: O(*n*) in rows plus bytes.
    public func cast(to target: DataType) throws(GlueError) -> Column {
        if dataType == target { return self }
        guard Cast.canCast(from: dataType, to: target) else {
            throw GlueError(.invalidInput, "Cannot cast \(dataType) to \(target).")
        }
        // Text-to-text and text-to-binary keep the bytes (and a dictionary stays a dictionary).
        let sourceIsBytes = dataType.isString || dataType == .binary
        if sourceIsBytes && (target.isString || (target == .binary && dataType.isString)) {
            return Column(target, storage: storage, validity: validity)
        }
        if case .dictionary(let keys, let dictionary) = storage {
            // Convert each distinct value once, then gather.
            let decoded = try Column(dataType, storage: .bytes(dictionary)).cast(to: target)
            return decoded.gatherDictionary(keys, validity: validity)
        }
        switch dataType {
        case .array, .map, .struct:
            return try castNested(to: target)
        default:
            break
        }
        if target.isString { return castToString(as: target) }
        switch storage {
        case .bytes(let buffer): return castFromString(buffer, to: target)
        case .boolean(let values): return Self.castBoolean(values, validity: validity, to: target)
        case .int8(let values): return Self.castIntegral(values, validity: validity, to: target)
        case .int16(let values): return Self.castIntegral(values, validity: validity, to: target)
        case .int32(let values):
            if dataType == .date { return Self.castDate(values, validity: validity, to: target) }
            return Self.castIntegral(values, validity: validity, to: target)
        case .int64(let values):
            if dataType == .timestamp || dataType == .timestampNTZ {
                return Self.castTimestamp(values, validity: validity, to: target)
            }
            return Self.castIntegral(values, validity: validity, to: target)
        case .float32(let values): return Self.castFractional(values, validity: validity, to: target)
        case .float64(let values): return Self.castFractional(values, validity: validity, to: target)
        case .int128(let values):
            guard case .decimal(_, let scale) = dataType else { return .nulls(target, count: count) }
            return Self.castDecimal(values, scale: scale, validity: validity, to: target)
        default:
            return .nulls(target, count: count)
        }
    }

    /// Expands a dictionary-decoded column: row *i* takes value `keys[i]`; rows that are null in
    /// `validity`, or whose key is out of range, are null.
    func gatherDictionary(_ keys: [Int32], validity: ValidityBitmap?) -> Column {
        let limit = count
        var nulls = NullMask(validity, count: keys.count)
        var indices = [Int](repeating: 0, count: keys.count)
        keys.withUnsafeBufferPointer { keys in
            for row in 0..<keys.count {
                let key = Int(keys[row])
                if key >= 0 && key < limit { indices[row] = key } else { nulls.setNull(row) }
            }
        }
        let gathered = limit == 0 ? Column.nulls(dataType, count: keys.count) : take(indices)
        let combined = ValidityBitmap.intersection(gathered.validity, nulls.finish())
        return Column(dataType, storage: gathered.storage, validity: combined)
    }
}
