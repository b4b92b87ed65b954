import Foundation
import GlueColumnar
import GlueCore
import GlueJobs
import GlueTesting
import GlueTransforms
import Testing

@Suite struct FrameTests {
    let orders = Result { try FrameBuilder.rows("order_id: bigint, customer: string, amount: double", [
        [1, "ada", 12.5],
        [2, "bob", nil],
        [3, "ada", 3.0],
    ]) }

    @Test("Frames from literals and from CSV text print the same")
    func builders() throws {
        let fromCSV = try FrameBuilder.csv("""
            order_id,customer,amount
            1,ada,12.5
            2,bob,
            3,ada,3.0
            """, schema: "order_id: bigint, customer: string, amount: double")
        try expectFrame(fromCSV, equals: try orders.get())
    }

    @Test("A cell that is not a value of its column's type is named")
    func badCell() throws {
        #expect(throws: GlueError.self) { try FrameBuilder.rows("n: int", [["seven"]]) }
        #expect(throws: GlueError.self) { try FrameBuilder.rows("n: int, s: string", [[1]]) }
    }

    @Test("Transforms chain lazily and run on an action")
    func transforms() throws {
        let result = try orders.get()
            .filter { $0["amount"] != .null }
            .renameField("customer", "customer_id")
            .aggregate(groupBy: ["customer_id"], [(column: "amount", function: "sum")])
        try expectFrame(result, equals: """
            +-------------+-------------+
            | customer_id | sum(amount) |
            +-------------+-------------+
            | ada         | 15.5        |
            +-------------+-------------+
            """)
    }

    @Test("The Studio filter spec, select, union and drop duplicates")
    func studioFilter() throws {
        let frame = try orders.get()
        let spec = FilterSpec(.and, [FilterExpression(.gt, [.column("order_id"), .constant("1")])])
        let result = try frame.filter(spec).selectFields(["order_id", "customer"]).union(try frame.selectFields(["order_id", "customer"]))
            .dropDuplicates()
        #expect(try result.count() == 3)
        #expect(try frame.filter(spec).count() == 2)
    }

    @Test("Order-insensitive comparison ignores row order; order-sensitive does not, with a readable diff")
    func ordering() throws {
        let frame = try orders.get().selectFields(["order_id"])
        let reversed = """
            +----------+
            | order_id |
            +----------+
            | 3        |
            | 2        |
            | 1        |
            +----------+
            """
        try expectFrame(frame, equals: reversed, order: .any)
        do {
            try expectFrame(frame, equals: reversed)
            Issue.record("An order-sensitive comparison of reversed rows passed.")
        } catch let mismatch as FrameMismatch {
            #expect(mismatch.description.contains("+ | 1 |"))
            #expect(mismatch.description.contains("- | 1 |"))
        }
    }

    @Test("Map and flatMap run closures per record; a throwing closure makes an error record")
    func mapAndErrors() throws {
        struct Rejected: Error {}
        let doubled = try orders.get().map { record in
            var record = record
            if case .double(let amount) = record["amount"] { record["amount"] = .double(amount * 2) } else { throw Rejected() }
            return record
        }
        #expect(try doubled.count() == 2)
        #expect(doubled.errorsCount == 1)
        let twice = try orders.get().flatMap { [$0, $0] }
        #expect(try twice.count() == 6)
    }

    @Test("A bad transform fails where it is written")
    func eagerSchemaCheck() throws {
        #expect(throws: GlueError.self) { try orders.get().aggregate(groupBy: ["missing"], [(column: "amount", function: "sum")]) }
        #expect(throws: GlueError.self) { try orders.get().applyMapping([("order_id", "notatype", "id", "long")]) }
    }

    @Test("Golden files compare, and a mismatch shows the diff")
    func golden() throws {
        let text = try orders.get().show()
        try GoldenFile.check(text, named: "FrameTests.golden.txt")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("new.txt")
        #expect(throws: FrameMismatch.self) { try GoldenFile.check(text, at: url) }
        try GoldenFile.check(text, at: url)
        #expect(throws: FrameMismatch.self) { try GoldenFile.check("other", at: url) }
    }
}
