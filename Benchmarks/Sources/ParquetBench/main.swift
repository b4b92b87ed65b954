// ParquetBench: the Parquet side of the performance anchors, as whole processes.
//
//   ParquetBench scan FILE          decode every column of every row group (the reader alone)
//   ParquetBench w4 INPUT OUTPUT    W4: filter country IN (8) AND quantity > 2, project order_id,
//                                   country, CAST(event_time AS DATE), CAST(quantity*unit_price AS
//                                   DECIMAL(12,2)), write Parquet (snappy)
import Dispatch
import Foundation
import GlueColumnar
import GlueCore
import GlueParquet

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

func load(_ path: String) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    return Array(data)
}

let arguments = CommandLine.arguments
guard arguments.count >= 3 else { fail("usage: ParquetBench scan FILE | w4 INPUT OUTPUT") }

do {
    switch arguments[1] {
    case "scan":
        let reader = try ParquetFileReader(source: InMemoryParquetSource(load(arguments[2])), name: arguments[2])
        let batches = try reader.read()
        var rows = 0
        var nonNull = 0
        for batch in batches {
            rows += batch.rowCount
            for column in batch.columns { nonNull += column.count - column.nullCount }
        }
        print("rows \(rows) non-null values \(nonNull)")
    case "w4":
        guard arguments.count >= 4 else { fail("usage: ParquetBench w4 INPUT OUTPUT") }
        let reader = try ParquetFileReader(source: InMemoryParquetSource(load(arguments[2])), name: arguments[2])
        let wanted: Set<String> = ["United States", "Germany", "France", "Japan", "Brazil", "India", "Canada", "Australia"]
        let outputSchema = Schema([
            Field("order_id", .bigint), Field("country", .string), Field("event_date", .date), Field("amount", .decimal(precision: 12, scale: 2)),
        ])
        var writer = try ParquetWriter(schema: outputSchema)
        _ = FileManager.default.createFile(atPath: arguments[3], contents: nil)
        guard let handle = FileHandle(forWritingAtPath: arguments[3]) else { fail("cannot write \(arguments[3])") }
        var written = 0
        let groups = reader.rowGroups(matching: .in(column: "country", wanted.sorted().map { .string($0) }))
        let projection = try reader.columnIndices(["order_id", "country", "event_time", "quantity", "unit_price"])
        // Two row groups at a time: decode (parallel over chunks), then filter and project.
        for start in stride(from: 0, to: groups.count, by: 2) {
            let batches = try reader.readRowGroups(Array(groups[start..<min(start + 2, groups.count)]), columns: projection)
            for batch in batches {
                let country = batch.columns[1]
                let quantity = batch.columns[3]
                guard case .int32(let quantities) = quantity.storage else { fail("quantity is not int32") }
                var selected: [Int] = []
                selected.reserveCapacity(batch.rowCount / 4)
                switch country.storage {
                case .dictionary(let indices, let values):
                    let keep = (0..<values.count).map { wanted.contains(values.string(at: $0)) }
                    for row in 0..<batch.rowCount where keep[Int(indices[row])] && quantities[row] > 2
                        && !country.isNull(at: row) && !quantity.isNull(at: row) {
                        selected.append(row)
                    }
                case .bytes(let values):
                    let wantedBytes = Set(wanted.map { Array($0.utf8) })
                    for row in 0..<batch.rowCount where quantities[row] > 2 && !country.isNull(at: row) && !quantity.isNull(at: row)
                        && wantedBytes.contains(Array(values[row])) {
                        selected.append(row)
                    }
                default: fail("country is not a string column")
                }
                let time = batch.columns[2].take(selected)
                let price = batch.columns[4].take(selected)
                let count = selected.count
                guard case .int64(let micros) = time.storage, case .float64(let prices) = price.storage else { fail("unexpected storage") }
                let pickedQuantities = selected.map { quantities[$0] }
                var days = [Int32](repeating: 0, count: count)
                var amounts = [Int128](repeating: 0, count: count)
                for index in 0..<count {
                    let value = micros[index]
                    let quotient = value / 86_400_000_000
                    days[index] = Int32(truncatingIfNeeded: value % 86_400_000_000 < 0 ? quotient - 1 : quotient)
                    amounts[index] = Int128((Double(pickedQuantities[index]) * prices[index] * 100).rounded(.toNearestOrAwayFromZero))
                }
                let validity = ValidityBitmap.intersection(time.validity, price.validity)
                let output = try RecordBatch(schema: outputSchema, columns: [
                    batch.columns[0].take(selected), country.take(selected),
                    Column(.date, storage: .int32(days), validity: time.validity),
                    Column(.decimal(precision: 12, scale: 2), storage: .int128(amounts), validity: validity),
                ])
                written += output.rowCount
                try writer.write(output)
                try handle.write(contentsOf: writer.takeBytes())
            }
        }
        try handle.write(contentsOf: try writer.finish())
        try handle.close()
        print("rows \(written)")
    default:
        fail("unknown mode \(arguments[1])")
    }
} catch {
    fail("\(error)")
}
