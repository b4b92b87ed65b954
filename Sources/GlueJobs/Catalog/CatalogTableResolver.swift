import Foundation
import GlueCatalog
import GlueColumnar
import GlueCore

/// Resolves a Data Catalog table for reading or writing, as Glue's `from_catalog` does: the table's
/// location, format, data columns and partition keys, and the partitions that match a push-down
/// predicate.
///
/// Pass the catalog as the run's principal sees it (a ``PolicyCheckingCatalogStore`` for the
/// job's role session): `GetTable` and `GetPartitions` are then authorized as that principal, and
/// a denial is AWS's `AccessDeniedException`.
///
/// ```swift
/// let resolver = CatalogTableResolver(catalog: catalog)
/// let table = try resolver.resolve(database: "sagemaker_rawdata", table: "events", partitionPredicate: "partition_0 = '2024'")
/// let objects = try table.objects(in: objectStore)   // each with its partition values
/// ```
public struct CatalogTableResolver: Sendable {
    /// The catalog, as the caller sees it.
    public let catalog: any CatalogStore

    /// Creates a resolver over `catalog`.
    public init(catalog: any CatalogStore) { self.catalog = catalog }

    /// The table `database.table`, with the partitions matching `partitionPredicate` (all of them
    /// when it is `nil` or empty; none are listed for a table without partition keys).
    ///
    /// The predicate is a `GetPartitions` expression (`year = '2024' AND month > '06'`); Spark's
    /// `==` is accepted for `=`, as Glue Studio's push-down predicates are written in Spark SQL.
    ///
    /// - Throws: `EntityNotFoundException` (no such database or table), `AccessDeniedException`
    ///   (the caller may not `GetTable` / `GetPartitions`), `UnsupportedFeatureException` (a view,
    ///   or a format LocalGlue does not read), `InvalidInputException` (no S3 location, a bad
    ///   column type or predicate).
    public func resolve(database: String, table: String, partitionPredicate: String? = nil) throws(GlueError) -> ResolvedCatalogTable {
        var resolved = try self.table(database: database, table: table)
        guard !resolved.partitionKeys.isEmpty else { return resolved }
        let expression = partitionPredicate.map(Self.catalogExpression).flatMap { $0.isEmpty ? nil : $0 }
        var partitions: [Partition] = []
        var token: String? = nil
        do {
            repeat {
                let page = try catalog.getPartitions(
                    GetPartitionsRequest(databaseName: database, tableName: table, expression: expression, nextToken: token, maxResults: 1000))
                partitions += page.partitions ?? []
                token = page.nextToken
            } while token != nil
        } catch {
            throw error.during("GetPartitions")
        }
        resolved.partitions = try partitions.map { (partition) throws(GlueError) -> ResolvedCatalogTable.ResolvedPartition in
            try resolved.partition(values: partition.values ?? [], location: partition.storageDescriptor?.location)
        }
        return resolved
    }

    /// The table `database.table` without its partitions (for writing).
    ///
    /// - Throws: as ``resolve(database:table:partitionPredicate:)``, without the `GetPartitions` errors.
    public func table(database: String, table: String) throws(GlueError) -> ResolvedCatalogTable {
        let response: GetTableResponse
        do {
            response = try catalog.getTable(GetTableRequest(databaseName: database, name: table))
        } catch {
            throw error.during("GetTable")
        }
        guard let definition = response.table else {
            throw GlueError(.entityNotFound, "Table \(table) not found.", operation: "GetTable")
        }
        return try ResolvedCatalogTable(table: definition, database: database)
    }

    /// A push-down predicate in the `GetPartitions` grammar: Spark's `==` becomes `=` (outside
    /// quoted strings).
    static func catalogExpression(_ predicate: String) -> String {
        var result = ""
        var quote: Character? = nil
        var index = predicate.startIndex
        while index < predicate.endIndex {
            let character = predicate[index]
            let next = predicate.index(after: index)
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" || character == "`" {
                quote = character
                result.append(character)
            } else if character == "=", next < predicate.endIndex, predicate[next] == "=" {
                result.append("=")
                index = predicate.index(after: next)
                continue
            } else {
                result.append(character)
            }
            index = next
        }
        return result.trimmingCharacters(in: .whitespaces)
    }
}
