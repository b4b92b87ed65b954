import GlueColumnar
import GlueCore
import GlueTransforms
import Synchronization
import Testing

struct Boom: Error, CustomStringConvertible {
    var description: String { "boom on Ada" }
}

@Suite struct RowTransformTests {
    @Test("Map transforms records; throwing, nil and ill-typed results become error records")
    func map() throws {
        let schema = try Schema(parsing: "id bigint, greeting string")
        let map = Map(outputSchema: schema) { record in
            if record["name"] == .string("Ada") { throw Boom() }
            if record["id"] == .integer(3) { return nil }
            var output = DynamicRecord(["id": record["id"]])
            if case .string(let name) = record["name"] { output["greeting"] = .string("Grüezi \(name)") }
            if record["id"] == .integer(2) { output["id"] = .string("two") }
            return output
        }
        let (batches, errors) = try map.run([[people()]])
        expectTable(try RecordBatch.concatenate(batches), """
            +----+------------+
            | id | greeting   |
            +----+------------+
            | 1  | Grüezi Zoë |
            +----+------------+
            """)
        #expect(errors.map(\.message) == [
            "Value two of field id does not fit type bigint.",
            "User-specified function returned nil instead of a DynamicRecord.",
            "boom on Ada",
        ])
        #expect(errors[0].record == #"{"id": 2, "name": null, "age": 17, "address": {"city": "Berlin", "zip": null}}"#)
        #expect(errors.allSatisfy { $0.stage == "Map" })
    }

    @Test("FlatMap returns zero, one or many records per record")
    func flatMap() throws {
        let flat = FlatMap { record in
            guard case .integer(let id) = record["id"] else { return [] }
            return Array(repeating: record, count: Int(id % 3))
        }
        let output = try SelectFields(["id", "name"]).apply([flat.apply([people()])])
        expectTable(output, """
            +----+------+
            | id | name |
            +----+------+
            | 1  | Zoë  |
            | 2  | NULL |
            | 2  | NULL |
            | 4  | Ada  |
            +----+------+
            """)
    }

    @Test("Spigot passes every record through and writes the first topk records")
    func spigotTopK() throws {
        let written = Mutex<[(String, RecordBatch)]>([])
        let spigot = try Spigot(path: "s3://bucket/sample/", topk: 3) { sample, path throws(GlueError) in
            written.withLock { $0.append((path, sample)) }
        }
        let batch = try people()
        let (output, _) = try spigot.run([[batch.slice(2..<4), batch.slice(0..<2)]])
        #expect(output.reduce(0) { $0 + $1.rowCount } == 4)
        let samples = written.withLock { $0 }
        #expect(samples.count == 1)
        #expect(samples.first?.0 == "s3://bucket/sample/")
        #expect(samples.first.map { int64s($0.1) } == [3, 4, 1])
    }

    @Test("Spigot prob samples reproducibly; invalid options are rejected")
    func spigotProb() throws {
        let numbers = try RecordBatch(["n": Column(int64: (0..<1_000).map { Int64($0) })])
        func sample() throws -> [Int64] {
            let box = Mutex<[Int64]>([])
            let spigot = try Spigot(path: "p", prob: 0.1, seed: 42) { sample, _ throws(GlueError) in box.withLock { $0 = int64s(sample) } }
            _ = try spigot.run([[numbers]])
            return box.withLock { $0 }
        }
        let first = try sample()
        #expect(first == (try sample()))
        #expect(first.count > 50 && first.count < 150)
        #expect(throws: GlueError.self) { try Spigot(path: "p", prob: 1.5) { _, _ throws(GlueError) in } }
        #expect(throws: GlueError.self) { try Spigot(path: "p", topk: -1) { _, _ throws(GlueError) in } }
    }

    @Test("A custom batch transform runs like a built-in one")
    func customTransform() throws {
        struct DoubleAge: CustomBatchTransform {
            func transform(_ batch: RecordBatch, context: inout OperatorContext) throws(GlueError) -> RecordBatch {
                guard let index = batch.schema.firstIndex(named: "age"), case .int32(let ages) = batch.columns[index].storage else { return batch }
                var columns = batch.columns
                columns[index] = Column(.int, storage: .int32(ages.map { $0 &* 2 }), validity: batch.columns[index].validity)
                return try RecordBatch(schema: batch.schema, columns: columns)
            }
        }
        let output = try SelectFields(["age"]).apply([DoubleAge().apply([people()])])
        #expect(output.columns[0].values == [.integer(68), .integer(34), .null, .integer(122)])
        #expect(DoubleAge().explainName == "DoubleAge")
    }
}

func int64s(_ batch: RecordBatch) -> [Int64] {
    guard let column = batch.columns.first, case .int64(let values) = column.storage else { return [] }
    return values
}
