import GlueColumnar
import GlueCore
import Testing

func flags(_ column: Column) -> [Bool?] {
    column.values.map { if case .boolean(let flag) = $0 { flag } else { nil } }
}

@Suite struct CompareTests {
    @Test("Column against column: every operator, with SQL nulls", arguments: ComparisonOperator.allCases)
    func columns(comparison: ComparisonOperator) throws {
        let left = Column(int64: [1, 2, 3, nil, 5])
        let right = Column(int64: [2, 2, 1, 4, nil])
        let expected: [Bool?] = switch comparison {
        case .equal: [false, true, false, nil, nil]
        case .notEqual: [true, false, true, nil, nil]
        case .lessThan: [true, false, false, nil, nil]
        case .lessThanOrEqual: [true, true, false, nil, nil]
        case .greaterThan: [false, false, true, nil, nil]
        case .greaterThanOrEqual: [false, true, true, nil, nil]
        }
        #expect(flags(try left.compare(comparison, right)) == expected)
    }

    @Test("Column against a scalar, and a null scalar makes every row null")
    func scalar() throws {
        let column = Column(float64: [1.5, nil, -3])
        #expect(flags(try column.compare(.greaterThan, .double(0))) == [true, nil, false])
        #expect(flags(try column.compare(.equal, .integer(-3))) == [false, nil, true])
        #expect(flags(try column.compare(.equal, .null)) == [nil, nil, nil])
        #expect(flags(try Column(int32: [1, 2]).compare(.lessThan, .decimal(unscaled: 150, scale: 2))) == [true, false])
    }

    @Test("NaN equals NaN and is above every number; -0.0 equals 0.0")
    func notANumber() throws {
        let column = Column(float64: [.nan, .infinity, 0, -0.0])
        #expect(flags(try column.compare(.equal, .double(.nan))) == [true, false, false, false])
        #expect(flags(try column.compare(.greaterThan, .double(.infinity))) == [true, false, false, false])
        #expect(flags(try column.compare(.equal, .double(0))) == [false, false, true, true])
        let floats = try Column(.float, values: [.float(.nan), .float(1)])
        #expect(flags(try floats.compare(.lessThan, floats)) == [false, false])
    }

    @Test("Strings compare as UTF-8 bytes, dictionaries like plain text")
    func strings() throws {
        let plain = Column(strings: ["a", "B", "é", "", nil, "ab"])
        #expect(flags(try plain.compare(.lessThan, .string("b"))) == [true, true, false, true, nil, true])
        #expect(flags(try plain.compare(.greaterThan, .string("z"))) == [false, false, true, false, nil, false])
        let dictionary = Column(.string, storage: .dictionary(indices: [0, 1, 0], values: VariableWidthBuffer(offsets: [0, 1, 3], bytes: Array("aab".utf8))))
        #expect(flags(try dictionary.compare(.equal, .string("ab"))) == [false, true, false])
        #expect(flags(try dictionary.compare(.equal, Column(strings: ["a", "ab", "b"]))) == [true, true, false])
        #expect(flags(try Column(strings: ["abcdefghij1", "abcdefghij2"]).compare(.lessThan, Column(strings: ["abcdefghij2", "abcdefghij1"]))) == [true, false])
    }

    @Test("Mixed types meet as Spark's implicit casts: text against a date, a date against a timestamp")
    func coercion() throws {
        let dates = try Column(.date, values: [.date(days: 0), .date(days: 1), .null])
        #expect(flags(try dates.compare(.equal, .string("1970-01-02"))) == [false, true, nil])
        let stamps = try Column(.timestamp, values: [.timestamp(microseconds: 86_400_000_000), .timestamp(microseconds: 1)])
        #expect(flags(try dates.slice(0..<2).compare(.equal, stamps)) == [false, false])
        #expect(flags(try Column(strings: ["10", "9", "x"]).compare(.greaterThan, .integer(9))) == [true, false, nil])
        #expect(flags(try Column(int32: [1]).compare(.equal, Column(int64: [1]))) == [true])
        #expect(flags(try Column(strings: ["1.50", "2"]).compare(.equal, .decimal(unscaled: 150, scale: 2))) == [true, false])
        #expect(throws: GlueError.self) { try Column(boolean: [true]).compare(.equal, Column(int64: [1])) }
        #expect(throws: GlueError.self) { try Column(int64: [1, 2]).compare(.equal, Column(int64: [1])) }
    }

    @Test("Every primitive type compares with itself", arguments: CastMatrixTests.primitives)
    func everyType(type: DataType) throws {
        let column = try CastMatrixTests.sample(type)
        let result = try column.compare(.equal, column)
        #expect(result.count == column.count)
        #expect(result.isNull(at: 1))
        for row in 0..<column.count where row != 1 {
            // NaN = NaN in Spark, so every non-null row equals itself.
            #expect(result.value(at: row) == .boolean(true), "\(type) row \(row)")
        }
        #expect(try column.slice(0..<0).compare(.lessThan, column.slice(0..<0)).count == 0)
    }
}

@Suite struct BooleanLogicTests {
    let left = Column(boolean: [true, true, true, false, false, false, nil, nil, nil])
    let right = Column(boolean: [true, false, nil, true, false, nil, true, false, nil])

    @Test("AND with three-valued logic")
    func and() throws {
        #expect(flags(try left.and(right)) == [true, false, nil, false, false, false, nil, false, nil])
    }

    @Test("OR with three-valued logic")
    func or() throws {
        #expect(flags(try left.or(right)) == [true, true, true, true, false, nil, true, nil, nil])
    }

    @Test("NOT keeps nulls; IS NULL and IS NOT NULL are never null")
    func notAndNullTests() throws {
        #expect(flags(try left.not()) == [false, false, false, true, true, true, nil, nil, nil])
        #expect(flags(left.isNull()) == [false, false, false, false, false, false, true, true, true])
        #expect(flags(left.isNotNull()) == [true, true, true, true, true, true, false, false, false])
        #expect(flags(Column(int64: [1, 2]).isNull()) == [false, false])
        #expect(flags(try Column(boolean: [true, false]).and(Column(boolean: [true, true]))) == [true, false])
        #expect(throws: GlueError.self) { try Column(int64: [1]).and(Column(boolean: [true])) }
    }
}
