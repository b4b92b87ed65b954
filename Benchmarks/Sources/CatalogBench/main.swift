// The Data Catalog at crawler scale: BatchCreatePartition of 10,000 partitions in batches of 100
// (Glue's limit) into a table of a lake database on disk (WAL, as the CLI opens it), then
// GetPartitions with expressions over them (every page read, 1000 per page as Glue's cap).
//
// Usage: CatalogBench [PARTITIONS] [REPEATS]

import Foundation
import GRDB
import GlueCatalog
import GlueCore

let arguments = CommandLine.arguments
let partitionCount = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let repeats = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// A partition as a crawler writes it: its own storage descriptor with five columns and statistics.
func partitionInput(day: Int, hour: Int) -> PartitionInput {
    var components = DateComponents()
    components.year = 2023
    components.month = 1
    components.day = 1 + day
    let calendar = Calendar(identifier: .gregorian)
    let date = calendar.date(from: components) ?? Date(timeIntervalSince1970: 0)
    let parts = calendar.dateComponents(in: TimeZone(identifier: "UTC") ?? .current, from: date)
    let dt = String(format: "%04d-%02d-%02d", parts.year ?? 2023, parts.month ?? 1, parts.day ?? 1)
    let columns = [
        Column(name: "event_id", type: "bigint"), Column(name: "customer_id", type: "bigint"),
        Column(name: "event_type", type: "string"), Column(name: "event_time", type: "string"), Column(name: "value", type: "double"),
    ]
    let parameters = [
        "classification": "csv", "delimiter": ",", "skip.header.line.count": "1", "compressionType": "none", "typeOfData": "file",
        "recordCount": "40", "averageRecordSize": "37", "sizeKey": "1524", "objectCount": "1", "UPDATED_BY_CRAWLER": "bench",
    ]
    return PartitionInput(
        values: [dt, String(hour)],
        storageDescriptor: StorageDescriptor(
            columns: columns, location: "s3://bench/events/dt=\(dt)/hour=\(hour)/",
            inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
            outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat", compressed: false, numberOfBuckets: -1,
            serdeInfo: SerDeInfo(serializationLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", parameters: ["field.delim": ","]),
            bucketColumns: [], sortColumns: [], parameters: parameters, storedAsSubDirectories: false),
        parameters: parameters)
}

func run() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-bench-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var configuration = Configuration()
    configuration.busyMode = .timeout(30)
    let pool = try DatabasePool(path: folder.appendingPathComponent("lake.sqlite").path, configuration: configuration)
    let catalog = try SQLiteCatalogStore(writer: pool)
    try catalog.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "bench")))
    try catalog.createTable(
        CreateTableRequest(
            databaseName: "bench",
            tableInput: TableInput(
                name: "events", storageDescriptor: StorageDescriptor(location: "s3://bench/events/"),
                partitionKeys: [Column(name: "dt", type: "date"), Column(name: "hour", type: "int")], tableType: "EXTERNAL_TABLE")))

    let inputs = (0..<partitionCount).map { partitionInput(day: $0 / 24, hour: $0 % 24) }
    let clock = ContinuousClock()
    var batchTimes: [Double] = []
    let start = clock.now
    for first in stride(from: 0, to: inputs.count, by: 100) {
        let batchStart = clock.now
        let response = try catalog.batchCreatePartition(
            BatchCreatePartitionRequest(databaseName: "bench", tableName: "events", partitionInputList: Array(inputs[first..<min(inputs.count, first + 100)])))
        guard (response.errors ?? []).isEmpty else { throw BenchError("BatchCreatePartition reported errors: \(response.errors ?? [])") }
        batchTimes.append(seconds(clock.now - batchStart))
    }
    let total = seconds(clock.now - start)
    batchTimes.sort()
    print(String(format: "BatchCreatePartition: %d partitions in %d calls of 100: %.3f s total, %.0f partitions/s, median %.2f ms per call, p90 %.2f ms",
        partitionCount, batchTimes.count, total, Double(partitionCount) / total, batchTimes[batchTimes.count / 2] * 1000,
        batchTimes[batchTimes.count * 9 / 10] * 1000))

    let expressions: [(String, String?)] = [
        ("all partitions (no expression)", nil),
        ("dt BETWEEN one month AND hour >= 12", "dt BETWEEN '2023-03-01' AND '2023-03-31' AND hour >= 12"),
        ("dt = one day", "dt = '2023-06-15'"),
        ("hour IN (0, 6, 12, 18) OR dt > late date", "hour IN (0, 6, 12, 18) OR dt > '2024-01-10'"),
    ]
    for (label, expression) in expressions {
        var times: [Double] = []
        var matched = 0
        for _ in 0..<repeats {
            let queryStart = clock.now
            var token: String? = nil
            matched = 0
            repeat {
                let page = try catalog.getPartitions(
                    GetPartitionsRequest(databaseName: "bench", tableName: "events", expression: expression, nextToken: token, maxResults: 1000))
                matched += page.partitions?.count ?? 0
                token = page.nextToken
            } while token != nil
            times.append(seconds(clock.now - queryStart))
        }
        times.sort()
        print(String(format: "GetPartitions %@: %d of %d partitions, median %.2f ms, p90 %.2f ms (%d runs, pages of 1000)",
            label, matched, partitionCount, times[times.count / 2] * 1000, times[times.count * 9 / 10] * 1000, repeats))
    }
}

do {
    try run()
} catch {
    print("CatalogBench failed: \(error)")
    exit(1)
}
