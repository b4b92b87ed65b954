import GlueColumnar
import GlueCore

extension ScalarFunction {
    /// Evaluates the function over argument columns already cast by ``ScalarExpression/function(_:_:)``.
    func evaluate(arguments: [ScalarExpression], columns: [Column], rowCount: Int, resultType: DataType) throws(GlueError) -> Column {
        func constantText(_ index: Int) -> String? {
            if case .string(let text)? = arguments[index].literalValue { return text }
            return nil
        }
        func constantInteger(_ index: Int) -> Int? {
            if case .integer(let value)? = arguments[index].literalValue { return Int(value) }
            return nil
        }
        switch self {
        case .lower, .upper, .trim, .ltrim, .rtrim, .initcap, .reverse, .length, .substring, .concat, .concat_ws, .replace,
            .instr, .lpad, .rpad:
            return try StringKernels.evaluate(self, columns, rowCount: rowCount)
        case .regexp_replace, .regexp_extract, .rlike, .split:
            guard let pattern = constantText(1) else { return .nulls(resultType, count: rowCount) }
            return try RegexKernels.evaluate(self, columns[0], pattern: pattern, replacement: self == .regexp_replace ? constantText(2) : nil,
                group: self == .regexp_extract ? constantInteger(2) ?? 1 : 0)
        case .to_date, .to_timestamp, .date_format, .year, .quarter, .month, .day, .dayofweek, .dayofyear, .hour, .minute, .second,
            .datediff, .date_add, .date_sub, .date_trunc, .trunc, .unix_timestamp, .from_unixtime, .last_day, .add_months:
            return try TemporalKernels.evaluate(self, arguments: arguments, columns: columns, rowCount: rowCount, resultType: resultType)
        case .abs, .round, .bround, .floor, .ceil, .pow, .sqrt, .exp, .ln, .log10, .log2, .signum:
            return try MathKernels.evaluate(self, columns, digits: self == .round || self == .bround ? constantInteger(1) ?? 0 : 0, resultType: resultType)
        case .element_at, .size:
            return try ArrayKernels.evaluate(self, columns, resultType: resultType)
        case .md5, .sha1, .sha2:
            return try Digest.evaluate(self, columns[0], bits: self == .sha2 ? constantInteger(1) ?? 256 : 0)
        }
    }
}
