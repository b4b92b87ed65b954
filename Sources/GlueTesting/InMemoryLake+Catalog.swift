import Foundation
import GlueCatalog
import GlueCore

extension InMemoryLake {
    /// Creates a Data Catalog table (and its database when missing) over an S3 location, the way a
    /// crawler would describe it: `classification` `csv` (comma-separated, with a header),
    /// `json` (JSON Lines) or `parquet`.
    ///
    /// ```swift
    /// try lake.createTable(database: "sales", name: "customers", columns: "id: string, country: string",
    ///                      location: "s3://raw/customers/", format: "json")
    /// ```
    ///
    /// - Parameters:
    ///   - columns: the data columns, `"name: type, ..."` with Glue/Hive type names.
    ///   - partitionKeys: the partition keys, in the same form (`"year: string"`), or empty.
    /// - Throws: `AlreadyExistsException`, `InvalidInputException` for a bad column type or format.
    public func createTable(
        database: String, name: String, columns: String, location: String, format: String, partitionKeys: String = ""
    ) throws(GlueError) {
        if (try? catalog.getDatabase(GetDatabaseRequest(name: database))) == nil {
            try catalog.createDatabase(CreateDatabaseRequest(databaseInput: DatabaseInput(name: database)))
        }
        let serde: SerDeInfo
        var parameters = ["classification": format.lowercased()]
        switch format.lowercased() {
        case "csv":
            serde = SerDeInfo(serializationLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe", parameters: ["field.delim": ","])
            parameters["skip.header.line.count"] = "1"
        case "json":
            serde = SerDeInfo(serializationLibrary: "org.openx.data.jsonserde.JsonSerDe")
        case "parquet":
            serde = SerDeInfo(serializationLibrary: "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
        default:
            throw GlueError(.invalidInput, "Format \(format) is not one of csv, json, parquet.")
        }
        func catalogColumns(_ text: String) throws(GlueError) -> [GlueCatalog.Column] {
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else { return [] }
            return try FrameBuilder.parseSchema(text).fields.map { GlueCatalog.Column(name: $0.name, type: $0.dataType.description) }
        }
        let descriptor = StorageDescriptor(columns: try catalogColumns(columns), location: location, serdeInfo: serde, parameters: parameters)
        let input = TableInput(
            name: name, storageDescriptor: descriptor, partitionKeys: try catalogColumns(partitionKeys), tableType: "EXTERNAL_TABLE",
            parameters: parameters)
        try catalog.createTable(CreateTableRequest(databaseName: database, tableInput: input))
    }
}

