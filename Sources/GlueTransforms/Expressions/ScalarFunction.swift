import GlueColumnar
import GlueCore

/// The scalar functions of Spark SQL that the expression engine evaluates, by their SQL name.
///
/// ``ScalarExpression/function(_:_:)`` checks the arguments and applies Spark's implicit casts;
/// arguments that configure a function (a format, a pattern, a digit count, `sha2`'s bit length)
/// must be constants, as in almost every real query.
public enum ScalarFunction: String, Sendable, CaseIterable {
    // Text.
    case lower, upper, trim, ltrim, rtrim, substring, concat, concat_ws, length, replace
    case regexp_replace, regexp_extract, rlike, split, initcap, lpad, rpad, reverse, instr
    // Arrays.
    case element_at, size
    // Dates and times.
    case to_date, to_timestamp, date_format, year, quarter, month, day, dayofweek, dayofyear, hour, minute, second
    case datediff, date_add, date_sub, date_trunc, trunc, unix_timestamp, from_unixtime, last_day, add_months
    // Math.
    case abs, round, bround, floor, ceil, pow, sqrt, exp, ln, log10, log2, signum
    // Hashes.
    case md5, sha1, sha2

    /// Other names Spark accepts for the same functions.
    public static let aliases: [String: ScalarFunction] = [
        "lcase": .lower, "ucase": .upper, "substr": .substring, "char_length": .length, "character_length": .length,
        "dayofmonth": .day, "ceiling": .ceil, "power": .pow, "sign": .signum, "sha": .sha1, "regexp": .rlike,
    ]

    /// The function with this SQL name (any case), if the engine has it.
    public static func named(_ name: String) -> ScalarFunction? {
        let lowered = name.lowercased()
        return ScalarFunction(rawValue: lowered) ?? aliases[lowered]
    }

    /// Every SQL name the engine evaluates (for suggestions in errors).
    public static var allNames: [String] { allCases.map(\.rawValue) + aliases.keys.sorted() }

    /// Whether the function gives the same result for the same arguments.
    public var isDeterministic: Bool { true }

    /// The accepted argument counts.
    var arity: ClosedRange<Int> {
        switch self {
        case .lower, .upper, .trim, .ltrim, .rtrim, .length, .initcap, .reverse: 1...1
        case .substring: 2...3
        case .concat: 0...Int.max
        case .concat_ws: 1...Int.max
        case .replace: 2...3
        case .regexp_replace: 3...3
        case .regexp_extract: 2...3
        case .rlike, .instr, .element_at: 2...2
        case .size: 1...1
        case .split: 2...3
        case .lpad, .rpad: 2...3
        case .to_date, .to_timestamp: 1...2
        case .date_format: 2...2
        case .year, .quarter, .month, .day, .dayofweek, .dayofyear, .hour, .minute, .second, .last_day: 1...1
        case .datediff, .date_add, .date_sub, .add_months: 2...2
        case .date_trunc, .trunc: 2...2
        case .unix_timestamp: 0...2
        case .from_unixtime: 1...2
        case .abs, .floor, .ceil, .sqrt, .exp, .ln, .log10, .log2, .signum, .md5, .sha1: 1...1
        case .round, .bround: 1...2
        case .pow: 2...2
        case .sha2: 2...2
        }
    }
}

extension ScalarExpression {
    /// A call of a scalar function with Spark's argument casts and result type.
    ///
    /// - Throws: `InvalidInputException` (an analysis error) for a wrong number of arguments,
    ///   a type the function does not take, or a configuring argument that is not a constant.
    public static func function(_ function: ScalarFunction, _ arguments: [ScalarExpression]) throws(GlueError) -> ScalarExpression {
        guard function.arity.contains(arguments.count) else {
            throw GlueError(.invalidInput, "Invalid number of arguments for function \(function.rawValue). Expected: \(function.arity.upperBound == Int.max ? "at least \(function.arity.lowerBound)" : function.arity.lowerBound == function.arity.upperBound ? "\(function.arity.lowerBound)" : "\(function.arity.lowerBound) to \(function.arity.upperBound)"); Found: \(arguments.count)")
        }
        func text(_ index: Int) throws(GlueError) -> ScalarExpression { try casting(arguments[index], to: .string) }
        func integer(_ index: Int) throws(GlueError) -> ScalarExpression { try casting(arguments[index], to: .int) }
        func number(_ index: Int) throws(GlueError) -> ScalarExpression { try casting(arguments[index], to: .double) }
        func date(_ index: Int) throws(GlueError) -> ScalarExpression { try casting(arguments[index], to: .date) }
        func timestamp(_ index: Int) throws(GlueError) -> ScalarExpression {
            let argument = arguments[index]
            return argument.dataType == .timestampNTZ ? argument : try casting(argument, to: .timestamp)
        }
        func constant(_ index: Int) throws(GlueError) -> Value {
            guard let value = arguments[index].folded().literalValue else {
                throw GlueError(.unsupportedFeature, "The argument \(index + 1) of \(function.rawValue) must be a constant here; \(arguments[index]) is not supported yet.")
            }
            return value
        }
        switch function {
        case .lower, .upper, .trim, .ltrim, .rtrim, .initcap, .reverse:
            return .call(function, [try text(0)], .string)
        case .length:
            return .call(function, [try text(0)], .int)
        case .substring:
            var typed = [try text(0), try integer(1)]
            if arguments.count == 3 { typed.append(try integer(2)) }
            return .call(function, typed, .string)
        case .concat:
            var typed: [ScalarExpression] = []
            for index in arguments.indices { typed.append(try text(index)) }
            return .call(function, typed, .string)
        case .concat_ws:
            var typed: [ScalarExpression] = []
            for index in arguments.indices { typed.append(try text(index)) }
            return .call(function, typed, .string)
        case .replace:
            var typed = [try text(0), try text(1)]
            typed.append(arguments.count == 3 ? try text(2) : .literal(.string(""), .string))
            return .call(function, typed, .string)
        case .regexp_replace:
            _ = try constant(1)
            return .call(function, [try text(0), try text(1).folded(), try text(2).folded()], .string)
        case .regexp_extract:
            _ = try constant(1)
            let group = arguments.count == 3 ? try integer(2).folded() : .literal(.integer(1), .int)
            return .call(function, [try text(0), try text(1).folded(), group], .string)
        case .rlike:
            _ = try constant(1)
            return .call(function, [try text(0), try text(1).folded()], .boolean)
        case .split:
            _ = try constant(1)
            return .call(function, [try text(0), try text(1).folded()], .array(.string))
        case .instr:
            return .call(function, [try text(0), try text(1)], .int)
        case .element_at:
            guard case .array(let element) = arguments[0].dataType else {
                throw GlueError(.invalidInput, "cannot resolve 'element_at(\(arguments[0]), \(arguments[1]))' due to data type mismatch: argument 1 requires an array, not \(arguments[0].dataType).")
            }
            return .call(function, [arguments[0], try integer(1)], element)
        case .size:
            guard case .array = arguments[0].dataType else {
                throw GlueError(.invalidInput, "cannot resolve 'size(\(arguments[0]))' due to data type mismatch: argument 1 requires an array, not \(arguments[0].dataType).")
            }
            return .call(function, [arguments[0]], .int)
        case .lpad, .rpad:
            let pad = arguments.count == 3 ? try text(2) : .literal(.string(" "), .string)
            return .call(function, [try text(0), try integer(1), pad], .string)
        case .to_date:
            if arguments.count == 1 { return try casting(arguments[0], to: .date) }
            _ = try constant(1)
            return .call(function, [try text(0), try text(1).folded()], .date)
        case .to_timestamp:
            if arguments.count == 1 { return try casting(arguments[0], to: .timestamp) }
            _ = try constant(1)
            return .call(function, [try text(0), try text(1).folded()], .timestamp)
        case .date_format:
            _ = try constant(1)
            return .call(function, [try timestamp(0), try text(1).folded()], .string)
        case .year, .quarter, .month, .day, .dayofweek, .dayofyear:
            return .call(function, [try date(0)], .int)
        case .last_day:
            return .call(function, [try date(0)], .date)
        case .hour, .minute, .second:
            return .call(function, [try timestamp(0)], .int)
        case .datediff:
            return .call(function, [try date(0), try date(1)], .int)
        case .date_add, .date_sub, .add_months:
            return .call(function, [try date(0), try integer(1)], .date)
        case .date_trunc:
            _ = try constant(0)
            return .call(function, [try text(0).folded(), try timestamp(1)], .timestamp)
        case .trunc:
            _ = try constant(1)
            return .call(function, [try date(0), try text(1).folded()], .date)
        case .unix_timestamp:
            if arguments.isEmpty { return .call(function, [], .bigint) }
            if arguments[0].dataType.isString {
                let format = arguments.count == 2 ? try text(1).folded() : .literal(.string("yyyy-MM-dd HH:mm:ss"), .string)
                guard format.literalValue != nil else {
                    throw GlueError(.unsupportedFeature, "unix_timestamp with a format that is not a constant is not supported yet.")
                }
                return .call(function, [try text(0), format], .bigint)
            }
            return .call(function, [try timestamp(0)], .bigint)
        case .from_unixtime:
            let format = arguments.count == 2 ? try text(1).folded() : .literal(.string("yyyy-MM-dd HH:mm:ss"), .string)
            guard format.literalValue != nil else {
                throw GlueError(.unsupportedFeature, "from_unixtime with a format that is not a constant is not supported yet.")
            }
            return .call(function, [try casting(arguments[0], to: .bigint), format], .string)
        case .abs:
            let operand = arguments[0].dataType.isString ? try number(0) : arguments[0]
            guard operand.dataType.isNumeric || operand.isNullLiteral else { throw mismatch(function, arguments[0]) }
            return .call(function, [operand], operand.isNullLiteral ? .double : operand.dataType)
        case .round, .bround:
            let digits = arguments.count == 2 ? try constant(1) : .integer(0)
            guard case .integer(let scale) = digits, abs(scale) <= 38 else {
                throw GlueError(.invalidInput, "The second argument of \(function.rawValue) must be an integer constant.")
            }
            var operand = arguments[0].dataType.isString ? try number(0) : arguments[0]
            if operand.isNullLiteral { operand = .literal(.null, .double) }
            let resultType: DataType
            switch operand.dataType {
            case .decimal(let precision, let s):
                let newScale = Int(scale) > s ? s : max(Int(scale), 0)
                resultType = TypeCoercion.boundedDecimal(precision: precision - s + 1 + newScale, scale: newScale)
            case let type where type.isNumeric: resultType = type
            default: throw mismatch(function, arguments[0])
            }
            return .call(function, [operand, .literal(.integer(scale), .int)], resultType)
        case .floor, .ceil:
            var operand = arguments[0].dataType.isString ? try number(0) : arguments[0]
            if operand.isNullLiteral { operand = .literal(.null, .double) }
            switch operand.dataType {
            case .decimal(let precision, let scale):
                return .call(function, [operand], TypeCoercion.boundedDecimal(precision: precision - scale + 1, scale: 0))
            case let type where type.isNumeric:
                return .call(function, [type.isIntegral ? try casting(operand, to: .bigint) : try casting(operand, to: .double)], .bigint)
            default: throw mismatch(function, arguments[0])
            }
        case .pow:
            return .call(function, [try number(0), try number(1)], .double)
        case .sqrt, .exp, .ln, .log10, .log2, .signum:
            return .call(function, [try number(0)], .double)
        case .md5, .sha1:
            let operand = arguments[0].dataType == .binary ? arguments[0] : try text(0)
            return .call(function, [operand], .string)
        case .sha2:
            guard case .integer(let bits) = try constant(1) else { throw GlueError(.invalidInput, "sha2 needs an integer bit length.") }
            let operand = arguments[0].dataType == .binary ? arguments[0] : try text(0)
            return .call(function, [operand, .literal(.integer(bits), .int)], .string)
        }
    }

    private static func mismatch(_ function: ScalarFunction, _ argument: ScalarExpression) -> GlueError {
        GlueError(.invalidInput, "cannot resolve '\(function.rawValue)(\(argument))' due to data type mismatch: argument 1 requires a numeric type, however, '\(argument)' is of \(argument.dataType) type.")
    }
}
