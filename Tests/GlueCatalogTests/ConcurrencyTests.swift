import Foundation
import Synchronization
import GRDB
import GlueCatalog
import GlueCore
import Testing

/// Two writers on one WAL lake file, each with its own `DatabasePool` (as two processes would have),
/// hammering inserts at the same time: no "database is locked", nothing lost.
@Suite struct ConcurrencyTests {
    @Test("Two DatabasePools on one lake file migrate and write concurrently without losing a write")
    func twoPools() throws {
        let directory = try temporaryDirectory("concurrency")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("lake.sqlite").path
        let pools = try (0..<2).map { _ in
            try DatabasePool(path: path, configuration: SQLiteCatalogStore.lakeConfiguration(busyTimeout: 60))
        }
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            do {
                let store = try SQLiteCatalogStore(writer: pools[worker])
                do {
                    try store.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: "shared")))
                } catch let error as GlueError where error.code == .alreadyExists {}
                try store.createTable(
                    CreateTableRequest(databaseName: "shared", tableInput: partitionedTable("t\(worker)", keys: [("n", "int")])))
                for index in 0..<150 {
                    try store.createPartition(
                        CreatePartitionRequest(databaseName: "shared", tableName: "t\(worker)", partitionInput: PartitionInput(values: [String(index)])))
                    try store.updateTable(
                        UpdateTableRequest(databaseName: "shared", tableInput: partitionedTable("t\(worker)", keys: [("n", "int")]), skipArchive: index % 2 == 0))
                }
            } catch {
                failures.withLock { $0.append("worker \(worker): \(error)") }
            }
        }
        #expect(failures.withLock { $0 } == [])
        let reader = try SQLiteCatalogStore(writer: pools[0])
        for worker in 0..<2 {
            let partitions = try reader.getPartitions(GetPartitionsRequest(databaseName: "shared", tableName: "t\(worker)"))
            #expect(partitions.partitions?.count == 150)
            let table = try reader.getTable(GetTableRequest(databaseName: "shared", name: "t\(worker)")).table
            #expect(table?.versionId == "76")
        }
    }
}
