import Foundation
import GlueColumnar
import GlueCore
import GlueExecution
import GlueTransforms
import Testing

/// Generated Aggregate, Join, Filter and DropDuplicates cases run through our engine (2 workers)
/// and through DuckDB (`$LOCALGLUE_PYTHON` with duckdb), compared as sorted rows with a relative
/// tolerance of 1e-9 for floating point.
@Suite struct DifferentialTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    static let words = ["alpha", "beta", "Γάμμα", "δέλτα", "日本", "zeta", "Ärger"]

    /// Left: `k string, g bigint, v bigint, x double`; right: `k2 string, g2 bigint, w bigint`.
    static func tables(seed: UInt64, rows: Int) throws -> (RecordBatch, RecordBatch) {
        var random = Generator(state: seed)
        var k: [String?] = [], g: [Int64?] = [], v: [Int64?] = [], x: [Double?] = []
        for _ in 0..<rows {
            k.append(random.next(10) == 0 ? nil : words[random.next(words.count)])
            g.append(random.next(12) == 0 ? nil : Int64(random.next(15)))
            v.append(random.next(8) == 0 ? nil : Int64(random.next(200)) - 100)
            x.append(random.next(9) == 0 ? nil : Double(random.next(100_000)) / 64)
        }
        var k2: [String?] = [], g2: [Int64?] = [], w: [Int64?] = []
        for _ in 0..<(rows / 5 + 1) {
            k2.append(random.next(10) == 0 ? nil : words[random.next(words.count)])
            g2.append(random.next(10) == 0 ? nil : Int64(random.next(40)))
            w.append(Int64(random.next(1_000)))
        }
        let left = try RecordBatch(["k": Column(strings: k), "g": Column(int64: g), "v": Column(int64: v), "x": Column(float64: x)])
        let right = try RecordBatch(["k2": Column(strings: k2), "g2": Column(int64: g2), "w": Column(int64: w)])
        return (left, right)
    }

    static func csv(_ batch: RecordBatch) -> String {
        var lines = [batch.schema.names.joined(separator: ",")]
        for row in 0..<batch.rowCount {
            lines.append(batch.columns.map { column in
                let value = column.value(at: row)
                return value.isNull ? "" : value.displayText(as: column.dataType)
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A case: how to build it in our engine, and the equivalent SQL.
    struct Case {
        var name: String
        var sql: String
        var build: @Sendable (inout Pipeline, Pipeline.NodeID, Pipeline.NodeID) throws -> Pipeline.NodeID
    }

    static func cases(_ random: inout Generator) throws -> [Case] {
        var cases: [Case] = []
        let functions: [(AggFunc, String)] = [
            (.sum, "sum(@)"), (.count, "count(@)"), (.avg, "avg(@)"), (.min, "min(@)"), (.max, "max(@)"),
            (.countDistinct, "count(DISTINCT @)"), (.sumDistinct, "sum(DISTINCT @)"), (.var_samp, "var_samp(@)"),
            (.var_pop, "var_pop(@)"), (.stddev_samp, "stddev_samp(@)"), (.stddev_pop, "stddev_pop(@)"),
        ]
        for round in 0..<6 {
            let picked = (0..<3).map { _ in functions[random.next(functions.count)] }
            let column = round % 2 == 0 ? "v" : "x"
            let groups: [String] = [[], ["k"], ["g"], ["k", "g"]][round % 4]
            let aggregations = picked.map { Aggregation($0.0, FieldPath([column])) }
            let select = (groups + picked.map { $0.1.replacingOccurrences(of: "@", with: column) }).joined(separator: ", ")
            let groupBy = groups.isEmpty ? "" : " GROUP BY " + groups.joined(separator: ", ")
            cases.append(Case(name: "aggregate \(round)", sql: "SELECT \(select) FROM l\(groupBy)") { pipeline, left, _ in
                try pipeline.add(try Aggregate(groups: groups.map { FieldPath([$0]) }, aggregations: aggregations), inputs: [left])
            })
        }
        let joins: [(Join.JoinType, String)] = [
            (.equijoin, "SELECT * FROM l JOIN r ON l.g = r.g2"),
            (.left, "SELECT * FROM l LEFT JOIN r ON l.g = r.g2"),
            (.right, "SELECT * FROM l RIGHT JOIN r ON l.g = r.g2"),
            (.outer, "SELECT * FROM l FULL JOIN r ON l.g = r.g2"),
            (.leftsemi, "SELECT * FROM l WHERE EXISTS (SELECT 1 FROM r WHERE l.g = r.g2)"),
            (.leftanti, "SELECT * FROM l WHERE NOT EXISTS (SELECT 1 FROM r WHERE l.g = r.g2)"),
        ]
        for (type, sql) in joins {
            cases.append(Case(name: "join \(type.rawValue)", sql: sql) { pipeline, left, right in
                try pipeline.addJoin(try Join(type, leftKeys: ["g"], rightKeys: ["g2"]), left: left, right: right)
            })
        }
        cases.append(Case(name: "join two keys", sql: "SELECT * FROM l JOIN r ON l.k = r.k2 AND l.g = r.g2") { pipeline, left, right in
            try pipeline.addJoin(try Join(.equijoin, leftKeys: ["k", "g"], rightKeys: ["k2", "g2"]), left: left, right: right)
        })
        let comparisons: [(FilterExpression.Operation, String)] = [(.gt, ">"), (.lt, "<"), (.gte, ">="), (.lte, "<="), (.eq, "=")]
        for round in 0..<6 {
            let (firstOp, firstSQL) = comparisons[random.next(comparisons.count)]
            let (secondOp, secondSQL) = comparisons[random.next(comparisons.count - 1)]
            let threshold = random.next(200) - 100
            let limit = random.next(1_500)
            let negated = round % 3 == 2
            let spec = FilterSpec(.and, [
                FilterExpression(firstOp, [.column("v"), .constant(String(threshold))]),
                FilterExpression(secondOp, negated: negated, [.column("x"), .constant(String(limit))]),
            ])
            let second = "x \(secondSQL) \(limit)"
            let sql = "SELECT * FROM l WHERE v \(firstSQL) \(threshold) AND \(negated ? "NOT (\(second))" : second)"
            cases.append(Case(name: "filter \(round)", sql: sql) { pipeline, left, _ in
                try pipeline.add(Filter(spec), inputs: [left])
            })
        }
        let word = words[random.next(words.count)]
        cases.append(Case(name: "filter string", sql: "SELECT * FROM l WHERE k = '\(word)' OR g < 3") { pipeline, left, _ in
            // `k = word` never raises (EQ with None is False), so Python's `or` agrees with SQL here.
            try pipeline.add(Filter(FilterSpec(.or, [FilterExpression(.eq, [.column("k"), .constant(word)]), FilterExpression(.lt, [.column("g"), .constant("3")])])), inputs: [left])
        })
        cases.append(Case(name: "distinct all", sql: "SELECT DISTINCT k, g FROM l") { pipeline, left, _ in
            try pipeline.add(DropDuplicates(), inputs: [try pipeline.add(SelectFields(["k", "g"]), inputs: [left])])
        })
        cases.append(Case(name: "distinct subset", sql: "SELECT DISTINCT k FROM l") { pipeline, left, _ in
            try pipeline.add(SelectFields(["k"]), inputs: [try pipeline.add(DropDuplicates(columns: ["k"]), inputs: [left])])
        })
        return cases
    }

    static func normalize(_ value: Value) -> String {
        switch value {
        case .null: return "null"
        case .integer(let number): return "n:\(Double(number))"
        case .double(let number): return "n:\(number)"
        case .float(let number): return "n:\(Double(number))"
        case .string(let text): return "s:\(text)"
        default: return "?:\(value)"
        }
    }

    static func normalize(_ json: Any) -> String {
        if json is NSNull { return "null" }
        if let text = json as? String { return "s:\(text)" }
        if let number = json as? NSNumber { return "n:\(number.doubleValue)" }
        return "?:\(json)"
    }

    static func sameCell(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard a.hasPrefix("n:"), b.hasPrefix("n:"), let x = Double(a.dropFirst(2)), let y = Double(b.dropFirst(2)) else { return false }
        return abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
    }

    @Test("Our engine agrees with DuckDB on generated Aggregate, Join, Filter and DropDuplicates cases")
    func differential() async throws {
        guard let python = ProcessInfo.processInfo.environment["LOCALGLUE_PYTHON"], !python.isEmpty else {
            print("Skipping the DuckDB differential test: LOCALGLUE_PYTHON is not set; `make test` sets it.")
            return
        }
        var random = Generator(state: 20_261_122)
        let (left, right) = try Self.tables(seed: 7, rows: 1_500)
        let cases = try Self.cases(&random)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("localglue-differential-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.csv(left).write(to: directory.appendingPathComponent("left.csv"), atomically: true, encoding: .utf8)
        try Self.csv(right).write(to: directory.appendingPathComponent("right.csv"), atomically: true, encoding: .utf8)
        try cases.map(\.sql).joined(separator: "\n").write(to: directory.appendingPathComponent("queries.txt"), atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Interop/duckdb_queries.py").path, directory.path]
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

        for (testCase, line) in zip(cases, lines) {
            guard let rows = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [[Any]] else {
                Issue.record("\(testCase.name): DuckDB output is not a list of rows")
                continue
            }
            let expected = rows.map { $0.map(Self.normalize) }.sorted { $0.joined(separator: "|") < $1.joined(separator: "|") }
            var pipeline = Pipeline(options: ExecutionOptions(parallelism: 2, channelCapacity: 2))
            let l = pipeline.addSource(InMemorySource(left, morselRows: 311))
            let r = pipeline.addSource(InMemorySource(right, morselRows: 97))
            let node = try testCase.build(&pipeline, l, r)
            let sink = CollectingSink()
            try pipeline.add(sink, inputs: [node])
            _ = try await pipeline.run()
            let ours = try sink.collected()
            let actual = (0..<ours.rowCount).map { row in ours.columns.map { Self.normalize($0.value(at: row)) } }
                .sorted { $0.joined(separator: "|") < $1.joined(separator: "|") }
            #expect(actual.count == expected.count, "\(testCase.name): \(actual.count) rows, DuckDB \(expected.count) (\(testCase.sql))")
            let mismatches = zip(actual, expected).filter { a, e in a.count != e.count || !zip(a, e).allSatisfy { Self.sameCell($0, $1) } }
            #expect(mismatches.isEmpty, "\(testCase.name): first difference \(mismatches.first.map { "\($0.0) vs \($0.1)" } ?? "") (\(testCase.sql))")
        }
    }
}
