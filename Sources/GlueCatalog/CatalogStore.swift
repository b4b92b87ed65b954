import GlueCore

/// The Glue Data Catalog in Glue's own words: one method per Glue API action, taking and returning
/// Glue's request and response shapes.
///
/// Database and table names are folded to lower case on write and on lookup. Errors are Glue's:
/// `EntityNotFoundException`, `AlreadyExistsException`, `InvalidInputException`,
/// `ConcurrentModificationException`, `InvalidStateException`, and, through
/// ``PolicyCheckingCatalogStore``, `AccessDeniedException`. A failed call changes nothing; batch
/// calls report per-item failures in their response instead of throwing.
public protocol CatalogStore: Sendable {
    /// The catalog's ID: the account that owns it.
    var catalogId: String { get }

    /// Mirrors Glue `CreateDatabase`.
    func createDatabase(_ request: CreateDatabaseRequest) throws(GlueError)
    /// Mirrors Glue `GetDatabase`.
    func getDatabase(_ request: GetDatabaseRequest) throws(GlueError) -> GetDatabaseResponse
    /// Mirrors Glue `GetDatabases` (`MaxResults` 1...100).
    func getDatabases(_ request: GetDatabasesRequest) throws(GlueError) -> GetDatabasesResponse
    /// Mirrors Glue `UpdateDatabase`.
    func updateDatabase(_ request: UpdateDatabaseRequest) throws(GlueError)
    /// Mirrors Glue `DeleteDatabase`; tables, versions and partitions go with it.
    func deleteDatabase(_ request: DeleteDatabaseRequest) throws(GlueError)

    /// Mirrors Glue `CreateTable`.
    func createTable(_ request: CreateTableRequest) throws(GlueError)
    /// Mirrors Glue `GetTable`.
    func getTable(_ request: GetTableRequest) throws(GlueError) -> GetTableResponse
    /// Mirrors Glue `GetTables` (`Expression` is a regular expression on names; `MaxResults` 1...100).
    func getTables(_ request: GetTablesRequest) throws(GlueError) -> GetTablesResponse
    /// Mirrors Glue `UpdateTable`.
    func updateTable(_ request: UpdateTableRequest) throws(GlueError)
    /// Mirrors Glue `DeleteTable`.
    func deleteTable(_ request: DeleteTableRequest) throws(GlueError)
    /// Mirrors Glue `BatchDeleteTable` (up to 100 names).
    func batchDeleteTable(_ request: BatchDeleteTableRequest) throws(GlueError) -> BatchDeleteTableResponse
    /// Mirrors Glue `GetTableVersions`.
    func getTableVersions(_ request: GetTableVersionsRequest) throws(GlueError) -> GetTableVersionsResponse
    /// Mirrors Glue `GetTableVersion`.
    func getTableVersion(_ request: GetTableVersionRequest) throws(GlueError) -> GetTableVersionResponse
    /// Mirrors Glue `DeleteTableVersion`.
    func deleteTableVersion(_ request: DeleteTableVersionRequest) throws(GlueError)

    /// Mirrors Glue `CreatePartition`.
    func createPartition(_ request: CreatePartitionRequest) throws(GlueError)
    /// Mirrors Glue `BatchCreatePartition` (up to 100 partitions).
    func batchCreatePartition(_ request: BatchCreatePartitionRequest) throws(GlueError) -> BatchCreatePartitionResponse
    /// Mirrors Glue `GetPartition`.
    func getPartition(_ request: GetPartitionRequest) throws(GlueError) -> GetPartitionResponse
    /// Mirrors Glue `GetPartitions` (`Expression` per ``PartitionExpression``; `MaxResults` 1...1000).
    func getPartitions(_ request: GetPartitionsRequest) throws(GlueError) -> GetPartitionsResponse
    /// Mirrors Glue `BatchGetPartition` (up to 1000 value lists).
    func batchGetPartition(_ request: BatchGetPartitionRequest) throws(GlueError) -> BatchGetPartitionResponse
    /// Mirrors Glue `UpdatePartition`.
    func updatePartition(_ request: UpdatePartitionRequest) throws(GlueError)
    /// Mirrors Glue `BatchUpdatePartition` (1 to 100 entries).
    func batchUpdatePartition(_ request: BatchUpdatePartitionRequest) throws(GlueError) -> BatchUpdatePartitionResponse
    /// Mirrors Glue `DeletePartition`.
    func deletePartition(_ request: DeletePartitionRequest) throws(GlueError)
    /// Mirrors Glue `BatchDeletePartition` (up to 25 value lists).
    func batchDeletePartition(_ request: BatchDeletePartitionRequest) throws(GlueError) -> BatchDeletePartitionResponse
}
