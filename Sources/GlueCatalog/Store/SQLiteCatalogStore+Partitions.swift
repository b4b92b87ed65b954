import Foundation
import GRDB
import GlueCore

extension SQLiteCatalogStore {
    /// Validated database and table names of a partition call.
    func names(_ operation: String, _ database: String, _ table: String) throws(GlueError) -> (String, String) {
        try perform(operation) { () throws(GlueError) in
            (try CatalogValidation.databaseName(database), try CatalogValidation.tableName(table))
        }
    }

    func partition(databaseName: String, tableName: String, row: Row, excludeColumns: Bool = false) throws(GlueError) -> Partition {
        let definition: String = row["definition"]
        let input = try Self.decode(PartitionInput.self, definition, what: "partition of \(tableName)")
        let creation: Double = row["creation_time"]
        var partition = Partition(
            input: input, databaseName: databaseName, tableName: tableName,
            creationTime: Date(timeIntervalSince1970: creation), catalogId: catalogId)
        if excludeColumns { partition.storageDescriptor?.columns = nil }
        return partition
    }

    /// Inserts one partition; returns false when one with the same values exists.
    static func insertPartition(
        _ db: GRDB.Database, _ databaseName: String, _ tableName: String, values: [String], input: PartitionInput, now: Double
    ) throws -> Bool {
        var stored = input
        stored.values = values
        try db.execute(
            sql: """
                INSERT INTO catalog_partition (database_name, table_name, partition_values, creation_time, definition)
                VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
            arguments: [databaseName, tableName, PartitionValuesCodec.encode(values), now, try json(stored)])
        return db.changesCount > 0
    }

    static func partitionRow(_ db: GRDB.Database, _ databaseName: String, _ tableName: String, _ values: [String]) throws -> Row? {
        try Row.fetchOne(
            db,
            sql: """
                SELECT id, creation_time, definition FROM catalog_partition
                WHERE database_name = ? AND table_name = ? AND partition_values = ?
                """,
            arguments: [databaseName, tableName, PartitionValuesCodec.encode(values)])
    }

    public func createPartition(_ request: CreatePartitionRequest) throws(GlueError) {
        let operation = "CreatePartition"
        let (databaseName, tableName) = try names(operation, request.databaseName, request.tableName)
        let now = clock().timeIntervalSince1970
        try write(operation) { db in
            let table = try Self.requireTable(db, databaseName, tableName)
            let values = try CatalogValidation.partitionInput(request.partitionInput, keys: table.input.partitionKeys ?? [])
            guard try Self.insertPartition(db, databaseName, tableName, values: values, input: request.partitionInput, now: now) else {
                throw CatalogErrors.alreadyExists("Partition")
            }
        }
    }

    public func batchCreatePartition(_ request: BatchCreatePartitionRequest) throws(GlueError) -> BatchCreatePartitionResponse {
        let operation = "BatchCreatePartition"
        let (databaseName, tableName) = try names(operation, request.databaseName, request.tableName)
        guard request.partitionInputList.count <= 100 else {
            throw CatalogErrors.listTooLong(count: request.partitionInputList.count, at: "partitionInputList", maximum: 100)
                .during(operation)
        }
        let now = clock().timeIntervalSince1970
        let errors = try write(operation) { db -> [PartitionError] in
            let table = try Self.requireTable(db, databaseName, tableName)
            let keys = table.input.partitionKeys ?? []
            var errors: [PartitionError] = []
            for input in request.partitionInputList {
                do {
                    let values = try CatalogValidation.partitionInput(input, keys: keys)
                    guard try Self.insertPartition(db, databaseName, tableName, values: values, input: input, now: now) else {
                        throw CatalogErrors.alreadyExists("Partition")
                    }
                } catch let error as GlueError {
                    errors.append(PartitionError(partitionValues: input.values, errorDetail: ErrorDetail(error)))
                }
            }
            return errors
        }
        return BatchCreatePartitionResponse(errors: errors)
    }

    public func getPartition(_ request: GetPartitionRequest) throws(GlueError) -> GetPartitionResponse {
        let operation = "GetPartition"
        let (databaseName, tableName) = try names(operation, request.databaseName, request.tableName)
        let row = try read(operation) { db -> Row? in
            let table = try Self.requireTable(db, databaseName, tableName)
            try CatalogValidation.partitionValues(
                request.partitionValues, keys: table.input.partitionKeys ?? [], member: "partitionValues")
            return try Self.partitionRow(db, databaseName, tableName, request.partitionValues)
        }
        guard let row else { throw CatalogErrors.partitionNotFound().during(operation) }
        return GetPartitionResponse(
            partition: try perform(operation) { () throws(GlueError) in
                try partition(databaseName: databaseName, tableName: tableName, row: row)
            })
    }

    public func getPartitions(_ request: GetPartitionsRequest) throws(GlueError) -> GetPartitionsResponse {
        let operation = "GetPartitions"
        let (databaseName, tableName) = try names(operation, request.databaseName, request.tableName)
        let (pageSize, after, expression) = try perform(operation) { () throws(GlueError) in
            if let segment = request.segment {
                guard (1...10).contains(segment.totalSegments) else {
                    throw CatalogErrors.outOfRange(segment.totalSegments, at: "segment.totalSegments", minimum: 1, maximum: 10)
                }
                guard segment.segmentNumber >= 0, segment.segmentNumber < segment.totalSegments else {
                    throw GlueError(.invalidInput, "SegmentNumber must be between 0 and TotalSegments - 1.")
                }
            }
            let after = try PageToken.position(request.nextToken, for: operation)
            let expression = try request.expression.flatMap { text throws(GlueError) -> PartitionExpression? in
                text.trimmingCharacters(in: .whitespaces).isEmpty ? nil : try PartitionExpression(parsing: text)
            }
            return (
                try CatalogValidation.pageSize(request.maxResults, maximum: 1000, default: 1000),
                Int64(after ?? "0") ?? 0, expression
            )
        }
        let segment = request.segment
        let exclude = request.excludeColumnSchema ?? false
        let (rows, more) = try read(operation) { db -> ([Row], Bool) in
            let table = try Self.requireTable(db, databaseName, tableName)
            let bound = try expression?.bound(to: table.input.partitionKeys ?? [])
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, partition_values, creation_time, definition FROM catalog_partition
                    WHERE database_name = ? AND table_name = ? AND id > ? ORDER BY id
                    """,
                arguments: [databaseName, tableName, after])
            var rows: [Row] = []
            while let row = try cursor.next() {
                let id: Int64 = row[0]
                if let segment, Int(id % Int64(segment.totalSegments)) != segment.segmentNumber { continue }
                if let bound {
                    let text: String = row[1]
                    guard let values = PartitionValuesCodec.decode(text) else {
                        throw CatalogErrors.corrupt("partition values", text)
                    }
                    guard try bound.matches(values) else { continue }
                }
                if rows.count == pageSize { return (rows, true) }
                rows.append(row.copy())
            }
            return (rows, false)
        }
        var partitions: [Partition] = []
        partitions.reserveCapacity(rows.count)
        for row in rows {
            partitions.append(
                try perform(operation) { () throws(GlueError) in
                    try partition(databaseName: databaseName, tableName: tableName, row: row, excludeColumns: exclude)
                })
        }
        let lastId: Int64? = rows.last.map { $0[0] }
        let next = more ? lastId.map { PageToken.make(operation, after: String($0)) } : nil
        return GetPartitionsResponse(partitions: partitions, nextToken: next)
    }

    public func batchGetPartition(_ request: BatchGetPartitionRequest) throws(GlueError) -> BatchGetPartitionResponse {
        let operation = "BatchGetPartition"
        let (databaseName, tableName) = try names(operation, request.databaseName, request.tableName)
        guard request.partitionsToGet.count <= 1000 else {
            throw CatalogErrors.listTooLong(count: request.partitionsToGet.count, at: "partitionsToGet", maximum: 1000)
                .during(operation)
        }
        let rows = try read(operation) { db -> [Row] in
            let table = try Self.requireTable(db, databaseName, tableName)
            var rows: [Row] = []
            for wanted in request.partitionsToGet {
                try CatalogValidation.partitionValues(
                    wanted.values, keys: table.input.partitionKeys ?? [], member: "partitionsToGet.member.values")
                if let row = try Self.partitionRow(db, databaseName, tableName, wanted.values) { rows.append(row) }
            }
            return rows
        }
        var partitions: [Partition] = []
        for row in rows {
            partitions.append(
                try perform(operation) { () throws(GlueError) in
                    try partition(databaseName: databaseName, tableName: tableName, row: row)
                })
        }
        return BatchGetPartitionResponse(partitions: partitions, unprocessedKeys: [])
    }

    /// Replaces one partition's definition; throws Glue's errors.
    static func updatePartition(
        _ db: GRDB.Database, _ databaseName: String, _ tableName: String, keys: [Column], values: [String],
        input: PartitionInput, member: String
    ) throws {
        try CatalogValidation.partitionValues(values, keys: keys, member: "\(member)PartitionValueList")
        if let newValues = input.values, newValues != values {
            throw GlueError(
                .invalidInput, "The partition values cannot be changed; delete the partition and create it again.")
        }
        var stored = input
        stored.values = values
        try CatalogValidation.storageDescriptor(stored.storageDescriptor, at: "\(member)partitionInput.storageDescriptor")
        try CatalogValidation.parameters(stored.parameters, at: "\(member)partitionInput.parameters")
        try db.execute(
            sql: """
                UPDATE catalog_partition SET definition = ?
                WHERE database_name = ? AND table_name = ? AND partition_values = ?
                """,
            arguments: [try json(stored), databaseName, tableName, PartitionValuesCodec.encode(values)])
        if db.changesCount == 0 { throw CatalogErrors.partitionNotFound() }
    }

    public func updatePartition(_ request: UpdatePartitionRequest) throws(GlueError) {
        let operation = "UpdatePartition"
        let (databaseName, tableName) = try names(operation, request.databaseName, request.tableName)
        try write(operation) { db in
            let table = try Self.requireTable(db, databaseName, tableName)
            try Self.updatePartition(
                db, databaseName, tableName, keys: table.input.partitionKeys ?? [], values: request.partitionValueList,
                input: request.partitionInput, member: "")
        }
    }

    public func batchUpdatePartition(_ request: BatchUpdatePartitionRequest) throws(GlueError) -> BatchUpdatePartitionResponse {
        let operation = "BatchUpdatePartition"
        let (databaseName, tableName) = try names(operation, request.databaseName, request.tableName)
        guard (1...100).contains(request.entries.count) else {
            throw (request.entries.isEmpty
                ? CatalogErrors.tooShort("[]", at: "entries", minimum: 1)
                : CatalogErrors.listTooLong(count: request.entries.count, at: "entries", maximum: 100)).during(operation)
        }
        let errors = try write(operation) { db -> [BatchUpdatePartitionFailureEntry] in
            let table = try Self.requireTable(db, databaseName, tableName)
            var errors: [BatchUpdatePartitionFailureEntry] = []
            for entry in request.entries {
                do {
                    try db.inSavepoint {
                        try Self.updatePartition(
                            db, databaseName, tableName, keys: table.input.partitionKeys ?? [],
                            values: entry.partitionValueList, input: entry.partitionInput, member: "entries.member.")
                        return .commit
                    }
                } catch let error as GlueError {
                    errors.append(
                        BatchUpdatePartitionFailureEntry(
                            partitionValueList: entry.partitionValueList, errorDetail: ErrorDetail(error)))
                }
            }
            return errors
        }
        return BatchUpdatePartitionResponse(errors: errors)
    }

    public func deletePartition(_ request: DeletePartitionRequest) throws(GlueError) {
        let operation = "DeletePartition"
        let (databaseName, tableName) = try names(operation, request.databaseName, request.tableName)
        try write(operation) { db in
            let table = try Self.requireTable(db, databaseName, tableName)
            try CatalogValidation.partitionValues(
                request.partitionValues, keys: table.input.partitionKeys ?? [], member: "partitionValues")
            try db.execute(
                sql: "DELETE FROM catalog_partition WHERE database_name = ? AND table_name = ? AND partition_values = ?",
                arguments: [databaseName, tableName, PartitionValuesCodec.encode(request.partitionValues)])
            if db.changesCount == 0 { throw CatalogErrors.partitionNotFound() }
        }
    }

    public func batchDeletePartition(_ request: BatchDeletePartitionRequest) throws(GlueError) -> BatchDeletePartitionResponse {
        let operation = "BatchDeletePartition"
        let (databaseName, tableName) = try names(operation, request.databaseName, request.tableName)
        guard request.partitionsToDelete.count <= 25 else {
            throw CatalogErrors.listTooLong(count: request.partitionsToDelete.count, at: "partitionsToDelete", maximum: 25)
                .during(operation)
        }
        let errors = try write(operation) { db -> [PartitionError] in
            let table = try Self.requireTable(db, databaseName, tableName)
            var errors: [PartitionError] = []
            for wanted in request.partitionsToDelete {
                do {
                    try CatalogValidation.partitionValues(
                        wanted.values, keys: table.input.partitionKeys ?? [], member: "partitionsToDelete.member.values")
                    try db.execute(
                        sql: "DELETE FROM catalog_partition WHERE database_name = ? AND table_name = ? AND partition_values = ?",
                        arguments: [databaseName, tableName, PartitionValuesCodec.encode(wanted.values)])
                    if db.changesCount == 0 { throw CatalogErrors.partitionNotFound() }
                } catch let error as GlueError {
                    errors.append(PartitionError(partitionValues: wanted.values, errorDetail: ErrorDetail(error)))
                }
            }
            return errors
        }
        return BatchDeletePartitionResponse(errors: errors)
    }
}
