import Foundation
import GlueColumnar
import GlueCore
import GlueSQL
import Testing

/// Hand-written and generated queries run through our SQL engine (pipeline, 2 workers, small
/// morsels) and through DuckDB (`$LOCALGLUE_PYTHON`), compared cell by cell: as sorted rows, or
/// in order when the query orders its result. Numbers compare with a relative tolerance of 1e-9.
@Suite struct SQLDifferentialTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// One query; `duck` when DuckDB spells it differently; `ordered` compares row order;
    /// `tolerance` is added to the numbers' relative one: `avg` of a decimal is a decimal rounded
    /// HALF_UP to scale s+4 in Spark (and here), a double in DuckDB, so they may differ by half a
    /// unit of that scale (5e-7 for `decimal(p,2)`).
    struct Case {
        var sql: String
        var duck: String?
        var ordered = false
        var tolerance = 0.0
    }

    static let words = ["alpha", "Beta", "", "  pad  ", "日本語", "a%b_c", "x,y", "O'Brien", "ümlaut", "12", "-3", "junk", "zeta", "Gamma ray", "beta"]

    static let tableTypes: [(String, DataType, String)] = [
        ("i", .int, "INTEGER"), ("b", .bigint, "BIGINT"), ("d", .double, "DOUBLE"), ("m", .decimal(precision: 10, scale: 2), "DECIMAL(10,2)"),
        ("s", .string, "VARCHAR"), ("s2", .string, "VARCHAR"), ("dt", .date, "DATE"), ("ts", .timestamp, "TIMESTAMP"), ("f", .boolean, "BOOLEAN"),
    ]

    static func table(rows: Int, seed: UInt64) throws -> RecordBatch {
        var random = Generator(state: seed)
        var builders = tableTypes.map { ColumnBuilder($0.1) }
        for _ in 0..<rows {
            func maybe(_ value: Value) -> Value { random.next(9) == 0 ? .null : value }
            let values: [Value] = [
                maybe(.integer(Int64(random.next(41) - 20))),
                maybe(.integer(Int64(random.next(2_000_001) - 1_000_000))),
                maybe(.double(Double(random.next(20_001) - 10_000) / 64)),
                maybe(.decimal(unscaled: Int128(random.next(200_001) - 100_000), scale: 2)),
                maybe(.string(words[random.next(words.count)])),
                maybe(.string(words[random.next(words.count)])),
                maybe(.date(days: Int32(random.next(4_000) + 17_000))),
                maybe(.timestamp(microseconds: Int64(random.next(1_000_000_000)) * 1_000_000 + Int64(random.next(1_000)) * 1_000 + 1_400_000_000_000_000)),
                maybe(.boolean(random.next(2) == 0)),
            ]
            for (index, value) in values.enumerated() { try builders[index].append(value) }
        }
        var columns: [Column] = []
        for index in builders.indices { columns.append(builders[index].finish()) }
        return try RecordBatch(schema: Schema(tableTypes.map { Field($0.0, $0.1) }), columns: columns)
    }

    static func lookup() throws -> RecordBatch {
        var random = Generator(state: 99)
        var k: [Int32?] = [], w: [String?] = []
        var v = ColumnBuilder(.decimal(precision: 8, scale: 3))
        for _ in 0..<45 {
            k.append(random.next(8) == 0 ? nil : Int32(random.next(30) - 15))
            w.append(random.next(7) == 0 ? nil : words[random.next(words.count)])
            try v.append(random.next(6) == 0 ? .null : .decimal(unscaled: Int128(random.next(100_000)), scale: 3))
        }
        return try RecordBatch(["k": Column(int32: k), "w": Column(strings: w), "v": v.finish()])
    }

    static func cases(_ random: inout Generator) -> [Case] {
        var cases: [Case] = [
            // Projection, arithmetic and promotion.
            Case(sql: "SELECT i, b, i + b, i - 3, i * 2, b * i, i / 4, b % 7, -i, i + d, m + 1, m * 2, m - d FROM t"),
            Case(sql: "SELECT m * m, m / 3, m + CAST(1.005 AS DECIMAL(6,3)), i div 3, d / 0, i % 0, b / 0 FROM t", duck: "SELECT m * m, m / 3, m + CAST(1.005 AS DECIMAL(6,3)), i // 3, CAST(NULL AS DOUBLE), i % 0, CAST(NULL AS DOUBLE) FROM t"),  // Spark: x / 0 is null, also for doubles
            Case(sql: "SELECT 1 + 2 * 3, 7 / 2, 7 % 3, -7 % 3, 2.5 * 4, 10 - 0.5 FROM t LIMIT 1"),
            // Comparisons and three-valued logic.
            Case(sql: "SELECT i, i > 3, i = b, d <= i, s = s2, s < s2, m >= 10, dt < DATE '2000-01-01', f AND i > 0, f OR i > 0, NOT f FROM t"),
            Case(sql: "SELECT * FROM t WHERE i > 3 AND (s IS NULL OR d < 0)"),
            Case(sql: "SELECT s, s2 FROM t WHERE s IS NOT NULL AND s2 IS NULL"),
            Case(sql: "SELECT i FROM t WHERE i IN (1, 2, 3, NULL)"),
            Case(sql: "SELECT i FROM t WHERE i NOT IN (1, 2, 3)"),
            Case(sql: "SELECT s FROM t WHERE s IN ('alpha', 'Beta', '日本語')"),
            Case(sql: "SELECT i, i IN (4, NULL), i NOT IN (4, NULL) FROM t"),
            Case(sql: "SELECT i, d FROM t WHERE i BETWEEN -5 AND 5 AND d NOT BETWEEN -10 AND 10"),
            Case(sql: "SELECT s FROM t WHERE s LIKE '%a%'"),
            Case(sql: "SELECT s, s LIKE 'a\\%b\\_c', s LIKE '_eta', s NOT LIKE '%_%', s LIKE '%ay' FROM t",
                 duck: "SELECT s, s LIKE 'a\\%b\\_c' ESCAPE '\\', s LIKE '_eta', s NOT LIKE '%_%', s LIKE '%ay' FROM t"),
            Case(sql: "SELECT s FROM t WHERE s RLIKE '^[a-z]+$'", duck: "SELECT s FROM t WHERE regexp_matches(s, '^[a-z]+$')"),
            Case(sql: "SELECT i <=> b, s <=> s2, i <=> NULL FROM t", duck: "SELECT i IS NOT DISTINCT FROM b, s IS NOT DISTINCT FROM s2, i IS NOT DISTINCT FROM NULL FROM t"),
            // CASE, coalesce, nullif, casts.
            Case(sql: "SELECT CASE WHEN i > 5 THEN 'big' WHEN i < -5 THEN 'small' ELSE s END, CASE i WHEN 1 THEN d WHEN 2 THEN m END FROM t"),
            Case(sql: "SELECT coalesce(s, s2, 'none'), coalesce(i, b), nullif(i, 3), nvl(d, 0), if(f, i, -i) FROM t", duck: "SELECT coalesce(s, s2, 'none'), coalesce(i, b), nullif(i, 3), coalesce(d, 0), CASE WHEN f THEN i ELSE -i END FROM t"),
            Case(sql: "SELECT CAST(s AS INT), CAST(d AS INT), CAST(d AS STRING), CAST(m AS DOUBLE), CAST(i AS DECIMAL(5,1)), CAST(ts AS DATE), CAST(dt AS TIMESTAMP), CAST(i AS STRING), CAST(f AS INT) FROM t",
                 duck: "SELECT TRY_CAST(s AS INT), CAST(trunc(d) AS INT), NULL, CAST(m AS DOUBLE), CAST(i AS DECIMAL(5,1)), CAST(ts AS DATE), CAST(dt AS TIMESTAMP), CAST(i AS VARCHAR), CAST(f AS INT) FROM t"),
            // Text functions.
            Case(sql: "SELECT lower(s), upper(s), trim(s), ltrim(s), rtrim(s), length(s), s || s2, concat_ws('-', s, s2, 'z') FROM t"),
            Case(sql: "SELECT substring(s, 2, 3), substring(s, -3, 2), substr(s, 3), replace(s, 'a', 'AA'), initcap(s), reverse(s) FROM t", duck: "SELECT substring(s, 2, 3), substring(s, -3, 2), substring(s, 3), replace(s, 'a', 'AA'), NULL, reverse(s) FROM t"),
            Case(sql: "SELECT regexp_replace(s, '[aeiou]', '#'), regexp_extract(s, '([a-z]+)', 1), regexp_extract(s2, '([0-9]+)', 1) FROM t",
                 duck: "SELECT regexp_replace(s, '[aeiou]', '#', 'g'), regexp_extract(s, '([a-z]+)', 1), regexp_extract(s2, '([0-9]+)', 1) FROM t"),
            Case(sql: "SELECT lpad(s, 6, '*'), rpad(s, 4, 'xy'), instr(s, 'a') FROM t", duck: "SELECT lpad(s, 6, '*'), rpad(s, 4, 'xy'), instr(s, 'a') FROM t"),
            Case(sql: "SELECT md5(s), sha2(s, 256), sha2(s2, 0) FROM t", duck: "SELECT md5(s), sha256(s), sha256(s2) FROM t"),
            Case(sql: "SELECT sha1(s) FROM t", duck: "SELECT sha1(s) FROM t"),
            // Dates and times.
            Case(sql: "SELECT year(dt), month(dt), day(dt), quarter(dt), dayofweek(dt), hour(ts), minute(ts), second(ts) FROM t", duck: "SELECT year(dt), month(dt), day(dt), quarter(dt), dayofweek(dt) + 1, hour(ts), minute(ts), second(ts) FROM t"),
            Case(sql: "SELECT datediff(dt, DATE '2010-01-01'), date_add(dt, 10), date_sub(dt, i), dt + 1, last_day(dt) FROM t", duck: "SELECT datediff('day', DATE '2010-01-01', dt), dt + 10, dt - i, dt + 1, last_day(dt) FROM t"),
            Case(sql: "SELECT date_trunc('month', ts), date_trunc('hour', ts), date_trunc('year', dt), trunc(dt, 'MM') FROM t", duck: "SELECT date_trunc('month', ts), date_trunc('hour', ts), CAST(date_trunc('year', dt) AS TIMESTAMP), CAST(date_trunc('month', dt) AS DATE) FROM t"),
            Case(sql: "SELECT date_format(ts, 'yyyy-MM-dd HH:mm:ss'), date_format(dt, 'yyyy/MM/dd'), unix_timestamp(ts), from_unixtime(b + 1500000000) FROM t",
                 duck: "SELECT strftime(ts, '%Y-%m-%d %H:%M:%S'), strftime(dt, '%Y/%m/%d'), CAST(floor(epoch(ts)) AS BIGINT), strftime(to_timestamp(b + 1500000000), '%Y-%m-%d %H:%M:%S') FROM t"),
            Case(sql: "SELECT to_date(CAST(dt AS STRING)), to_date(date_format(dt, 'dd.MM.yyyy'), 'dd.MM.yyyy'), to_timestamp(date_format(ts, 'yyyy-MM-dd HH:mm:ss'), 'yyyy-MM-dd HH:mm:ss') FROM t",
                 duck: "SELECT dt, dt, date_trunc('second', ts) FROM t"),
            // Math.
            Case(sql: "SELECT abs(i), abs(d), abs(m), round(d, 1), round(m, 1), round(i, -1), floor(d), ceil(d), floor(m), ceil(m) FROM t"),
            Case(sql: "SELECT pow(i, 2), sqrt(abs(d)), mod(b, 7), exp(i / 10), ln(abs(d) + 1) FROM t", duck: "SELECT pow(i, 2), sqrt(abs(d)), b % 7, exp(i / 10), ln(abs(d) + 1) FROM t"),
            // Aggregates.
            Case(sql: "SELECT count(*), count(i), sum(i), avg(d), min(s), max(s), sum(m), min(dt), max(ts) FROM t"),
            Case(sql: "SELECT s, count(*), sum(b), avg(i), count(DISTINCT i), max(d) - min(d) FROM t GROUP BY s"),
            Case(sql: "SELECT f, s2, sum(i * d) AS x, count(1) FROM t GROUP BY f, s2 HAVING count(1) > 5"),
            Case(sql: "SELECT s, avg(m), avg(m * 2), avg(m - i), count(m) FROM t GROUP BY s", tolerance: 5e-7),
            Case(sql: "SELECT avg(v), avg(-v), sum(v) FROM u", tolerance: 5e-8),
            Case(sql: "SELECT avg(m) FROM e", tolerance: 5e-7),
            Case(sql: "SELECT year(dt) AS y, sum(m) FROM t GROUP BY year(dt)"),
            Case(sql: "SELECT i % 3, stddev_samp(d), var_pop(b), sum(DISTINCT i) FROM t GROUP BY i % 3"),
            Case(sql: "SELECT upper(s) AS u, count(*) AS n FROM t GROUP BY upper(s) ORDER BY n DESC, u ASC NULLS FIRST LIMIT 5", ordered: true),
            Case(sql: "SELECT DISTINCT s2 FROM t"),
            Case(sql: "SELECT DISTINCT f, i > 0 FROM t"),
            Case(sql: "SELECT count(*), sum(i), max(s) FROM e"),
            Case(sql: "SELECT s, count(*) FROM e GROUP BY s"),
            Case(sql: "SELECT * FROM e WHERE i > 1"),
            // Order and limit.
            Case(sql: "SELECT i, s FROM t ORDER BY i DESC NULLS LAST, s NULLS FIRST, b", duck: "SELECT i, s FROM t ORDER BY i DESC NULLS LAST, s NULLS FIRST, b", ordered: true),
            Case(sql: "SELECT d FROM t ORDER BY d LIMIT 7", duck: "SELECT d FROM t ORDER BY d NULLS FIRST LIMIT 7", ordered: true),
            Case(sql: "SELECT s, i FROM t ORDER BY 2 DESC, 1 ASC NULLS LAST LIMIT 20", ordered: true),
            // Joins.
            Case(sql: "SELECT t.i, u.w, u.v FROM t JOIN u ON t.i = u.k"),
            Case(sql: "SELECT t.i, u.w FROM t LEFT JOIN u ON t.i = u.k AND t.s = u.w"),
            Case(sql: "SELECT t.s, u.k FROM t RIGHT JOIN u ON u.k = t.i"),
            Case(sql: "SELECT t.b, u.k FROM t FULL OUTER JOIN u ON t.i = u.k"),
            Case(sql: "SELECT i, s FROM t LEFT SEMI JOIN u ON t.i = u.k", duck: "SELECT i, s FROM t SEMI JOIN u ON t.i = u.k"),
            Case(sql: "SELECT i, s FROM t LEFT ANTI JOIN u ON t.i = u.k", duck: "SELECT i, s FROM t ANTI JOIN u ON t.i = u.k"),
            Case(sql: "SELECT t.i, u.v FROM t JOIN u ON t.i = u.k WHERE u.v > 10 AND t.d > 0"),
            Case(sql: "SELECT t.i, u.v FROM t INNER JOIN u ON t.i = u.k AND t.m > u.v"),
            Case(sql: "SELECT a.i, b.s FROM t a JOIN t b ON a.b = b.b"),
            Case(sql: "SELECT u.w, count(*), sum(t.m) FROM t JOIN u ON t.i + 1 = u.k GROUP BY u.w"),
            // Set operations, subqueries, WITH.
            Case(sql: "SELECT i FROM t UNION ALL SELECT k FROM u"),
            Case(sql: "SELECT s FROM t UNION SELECT w FROM u"),
            Case(sql: "SELECT i, d FROM t UNION ALL SELECT k, v FROM u"),
            Case(sql: "SELECT x.s, x.n FROM (SELECT s, count(*) AS n FROM t GROUP BY s) x WHERE x.n > 20"),
            Case(sql: "WITH big AS (SELECT * FROM t WHERE b > 0), agg AS (SELECT s, sum(d) AS total FROM big GROUP BY s) SELECT agg.s, agg.total, u.k FROM agg LEFT JOIN u ON agg.s = u.w"),
            Case(sql: "SELECT `i`, T.S AS `Weird Name` FROM t AS T WHERE T.I > 10"),
            Case(sql: "SELECT t.*, u.k FROM t JOIN u ON t.i = u.k"),
        ]
        // Generated filters and projections.
        let numeric = ["i", "b", "d", "m", "(i + b)", "(d * 2)", "(m - i)", "abs(i)"]
        let ops = ["=", "!=", "<", "<=", ">", ">="]
        for _ in 0..<30 {
            let a = numeric[random.next(numeric.count)]
            let b = numeric[random.next(numeric.count)]
            let op1 = ops[random.next(ops.count)]
            let op2 = ops[random.next(ops.count)]
            let constant = random.next(200) - 100
            let joiner = random.next(2) == 0 ? "AND" : "OR"
            let negate = random.next(3) == 0 ? "NOT " : ""
            cases.append(Case(sql: "SELECT \(a), \(b), \(a) - \(b) FROM t WHERE \(negate)(\(a) \(op1) \(constant) \(joiner) \(b) \(op2) \(a))"))
        }
        // Generated grouped aggregates.
        let keys = ["s", "f", "i % 4", "s2", "year(dt)", "f, s"]
        let functions = ["sum(@)", "count(@)", "avg(@)", "min(@)", "max(@)", "count(DISTINCT @)"]
        for _ in 0..<20 {
            let key = keys[random.next(keys.count)]
            let column = numeric[random.next(numeric.count)]
            let first = functions[random.next(functions.count)].replacingOccurrences(of: "@", with: column)
            let second = functions[random.next(functions.count)].replacingOccurrences(of: "@", with: numeric[random.next(numeric.count)])
            let decimalAverage = [first, second].contains { $0.hasPrefix("avg(") && $0.contains("m") }
            cases.append(Case(sql: "SELECT \(key), \(first), \(second) FROM t WHERE i IS NULL OR i > \(random.next(20) - 10) GROUP BY \(key)", tolerance: decimalAverage ? 5e-7 : 0))
        }
        return cases
    }

    static func normalize(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .boolean(let flag): return flag ? "b:true" : "b:false"
        case .integer(let number): return "n:\(Double(number))"
        case .double(let number): return "n:\(number)"
        case .float(let number): return "n:\(Double(number))"
        case .decimal(let unscaled, let scale): return "n:\(Double(Decimal128.format(unscaled, scale: scale)) ?? .nan)"
        case .string(let text): return "s:\(text)"
        case .date(let days): return "d:\(days)"
        case .timestamp(let micros): return "t:\(micros)"
        default: return "?:\(value)"
        }
    }

    static func sameCell(_ a: String, _ b: String, tolerance: Double = 0) -> Bool {
        if a == b { return true }
        guard a.hasPrefix("n:"), b.hasPrefix("n:"), let x = Double(a.dropFirst(2)), let y = Double(b.dropFirst(2)) else { return false }
        if x.isNaN && y.isNaN { return true }
        return abs(x - y) <= tolerance + 1e-9 * max(1, abs(x), abs(y))
    }

    static func jsonLines(_ batch: RecordBatch) throws -> String {
        var lines: [String] = []
        for row in 0..<batch.rowCount {
            var object: [String: Any] = [:]
            for (field, column) in zip(batch.schema.fields, batch.columns) {
                let value = column.value(at: row)
                if value.isNull { object[field.name] = NSNull(); continue }
                switch value {
                case .timestamp(let micros):
                    object[field.name] = TemporalFormat.timestamp(microseconds: micros)
                case .double(let number):
                    object[field.name] = "\(number)"
                default:
                    object[field.name] = value.displayText(as: column.dataType)
                }
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            lines.append(String(decoding: data, as: UTF8.self))
        }
        return lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
    }

    @Test("Our SQL engine agrees with DuckDB on hand-written and generated queries")
    func differential() throws {
        guard let python = ProcessInfo.processInfo.environment["LOCALGLUE_PYTHON"], !python.isEmpty else {
            print("Skipping the SQL differential test: LOCALGLUE_PYTHON is not set; `make test` sets it.")
            return
        }
        let t = try Self.table(rows: 400, seed: 11)
        let u = try Self.lookup()
        let e = RecordBatch.empty(t.schema)
        var random = Generator(state: 20_261_122)
        let cases = Self.cases(&random)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("localglue-sql-differential-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let tDuck = Self.tableTypes.map { [$0.0, $0.2] }
        let spec: [String: Any] = [
            "t": ["columns": tDuck], "e": ["columns": tDuck],
            "u": ["columns": [["k", "INTEGER"], ["w", "VARCHAR"], ["v", "DECIMAL(8,3)"]]],
        ]
        try JSONSerialization.data(withJSONObject: spec).write(to: directory.appendingPathComponent("tables.json"))
        try Self.jsonLines(t).write(to: directory.appendingPathComponent("t.jsonl"), atomically: true, encoding: .utf8)
        try Self.jsonLines(u).write(to: directory.appendingPathComponent("u.jsonl"), atomically: true, encoding: .utf8)
        try "".write(to: directory.appendingPathComponent("e.jsonl"), atomically: true, encoding: .utf8)
        try cases.map { $0.duck ?? $0.sql }.joined(separator: "\n").write(to: directory.appendingPathComponent("queries.txt"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Interop/duckdb_sql.py").path, directory.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "duckdb failed: \(errorText)")
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        try #require(lines.count == cases.count)

        var compared = 0
        for (testCase, line) in zip(cases, lines) {
            let json = try JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let rows = json as? [[String]] else {
                Issue.record("DuckDB rejected \(testCase.duck ?? testCase.sql): \(json)")
                continue
            }
            let ours: RecordBatch
            do {
                ours = try SQLHarness.run(testCase.sql, [("t", t), ("u", u), ("e", e)], morselRows: 37)
            } catch {
                Issue.record("our engine failed on \(testCase.sql): \(error)")
                continue
            }
            var actual = (0..<ours.rowCount).map { row in ours.columns.map { Self.normalize($0.value(at: row)) } }
            var expected = rows
            // A column DuckDB computes as NULL stands for "not compared" (no DuckDB equivalent).
            let skipped = Set((0..<(expected.first?.count ?? 0)).filter { column in
                testCase.duck != nil && expected.allSatisfy { $0[column] == "null" } && actual.contains { $0.count > column && $0[column] != "null" }
            })
            actual = actual.map { row in row.enumerated().map { skipped.contains($0.offset) ? "-" : $0.element } }
            expected = expected.map { row in row.enumerated().map { skipped.contains($0.offset) ? "-" : $0.element } }
            if !testCase.ordered {
                actual.sort { $0.joined(separator: "|") < $1.joined(separator: "|") }
                expected.sort { $0.joined(separator: "|") < $1.joined(separator: "|") }
            }
            #expect(actual.count == expected.count, "\(actual.count) rows, DuckDB \(expected.count): \(testCase.sql)")
            let mismatch = zip(actual, expected).first { a, e in a.count != e.count || !zip(a, e).allSatisfy { Self.sameCell($0, $1, tolerance: testCase.tolerance) } }
            #expect(mismatch == nil, "first difference \(mismatch.map { "\($0.0) vs DuckDB \($0.1)" } ?? ""): \(testCase.sql)")
            compared += 1
        }
        print("SQL differential: \(compared) of \(cases.count) queries compared with DuckDB")
    }
}
