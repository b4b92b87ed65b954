import GlueCatalog
import GlueColumnar
import GlueCore
import GlueStorage

/// A Data Catalog table ready to read or write: where its files are, their format, and its
/// columns, with partition keys last (as Glue's `from_catalog` frames carry them).
public struct ResolvedCatalogTable: Sendable {
    /// One partition to read: its values as the catalog keeps them (text), typed by the keys'
    /// types, and its folder.
    public struct ResolvedPartition: Sendable, Hashable {
        /// The values, in key order, as stored.
        public var values: [String]
        /// The values typed by the keys' catalog types (`__HIVE_DEFAULT_PARTITION__` and values
        /// that do not convert are null).
        public var typedValues: [Value]
        /// The partition's folder (its own `Location`, else `TABLE/k1=v1/k2=v2/`).
        public var location: S3Location
    }

    /// One object to read and the partition values that go with its rows.
    public struct TableObject: Sendable, Hashable {
        /// The object.
        public var object: S3ObjectReference
        /// Its partition's typed values (empty for an unpartitioned table).
        public var partitionValues: [Value]
    }

    /// The lower-cased database name.
    public var database: String
    /// The lower-cased table name.
    public var name: String
    /// The table's definition as the catalog returned it.
    public var table: Table
    /// The table's root (`StorageDescriptor.Location`).
    public var location: S3Location
    /// The files' format.
    public var format: CatalogTableFormat
    /// The data columns (`StorageDescriptor.Columns`).
    public var dataSchema: Schema
    /// The partition keys, typed.
    public var partitionKeys: [Field]
    /// The partitions to read (every registered one unless a predicate narrowed them); empty for
    /// an unpartitioned table.
    public var partitions: [ResolvedPartition] = []

    /// The frame's schema: data columns, then partition keys.
    public var schema: Schema { Schema(dataSchema.fields + partitionKeys) }

    /// Reads a table definition.
    ///
    /// - Throws: `InvalidInputException` for a table without an S3 location or with a column
    ///   type that does not parse; `UnsupportedFeatureException` for views and other formats.
    public init(table: Table, database: String) throws(GlueError) {
        let qualified = "\(database.lowercased()).\(table.name)"
        if let type = table.tableType, type.uppercased() == "VIRTUAL_VIEW" {
            throw GlueError(.unsupportedFeature, "Table \(qualified) is a view; LocalGlue reads tables stored in S3.")
        }
        guard let text = table.storageDescriptor?.location, !text.isEmpty else {
            throw GlueError(.invalidInput, "Table \(qualified) has no StorageDescriptor.Location.")
        }
        self.database = database.lowercased()
        self.name = table.name
        self.table = table
        do {
            self.location = try S3Location(parsing: text)
        } catch {
            throw error.adding(context: "in the Location of table \(qualified)")
        }
        self.format = try CatalogTableFormat(table: table)
        self.dataSchema = Schema(try Self.fields(table.storageDescriptor?.columns ?? [], table: qualified))
        self.partitionKeys = try Self.fields(table.partitionKeys ?? [], table: qualified)
    }

    static func fields(_ columns: [GlueCatalog.Column], table: String) throws(GlueError) -> [Field] {
        var fields: [Field] = []
        for column in columns {
            do {
                fields.append(Field(column.name, try DataType(parsing: column.type ?? "string")))
            } catch {
                throw error.adding(context: "in column \(column.name) of table \(table)")
            }
        }
        return fields
    }

    /// A partition of this table from its stored values and location.
    ///
    /// - Throws: `InvalidInputException` when the number of values is not the number of keys or
    ///   the location is not an S3 location.
    public func partition(values: [String], location: String?) throws(GlueError) -> ResolvedPartition {
        guard values.count == partitionKeys.count else {
            throw GlueError(
                .invalidInput,
                "A partition of table \(database).\(name) has \(values.count) values for \(partitionKeys.count) partition keys.")
        }
        let folder: S3Location
        if let location, !location.isEmpty {
            folder = try S3Location(parsing: location)
        } else {
            folder = self.location.appending(OutputLayout.partitionFolder(keys: partitionKeys.map(\.name), values: values))
        }
        var typed: [Value] = []
        for (key, value) in zip(partitionKeys, values) {
            typed.append(try Self.typedValue(value, as: key.dataType))
        }
        return ResolvedPartition(values: values, typedValues: typed, location: folder)
    }

    /// A partition value (text) as a value of its key's type: `__HIVE_DEFAULT_PARTITION__` is
    /// null, and so is text that does not convert (Spark's cast).
    static func typedValue(_ text: String, as type: DataType) throws(GlueError) -> Value {
        if text == OutputLayout.defaultPartitionName { return .null }
        let column = try GlueColumnar.Column(strings: [text]).cast(to: type)
        return column.value(at: 0)
    }

    /// The objects of the table to read, each with its partition's values: every object under
    /// the table's location, or under each partition's folder for a partitioned table.
    ///
    /// - Throws: the store's errors (`AccessDenied`, `NoSuchBucket`).
    public func objects(in store: any ObjectStore) throws(GlueError) -> [TableObject] {
        if partitionKeys.isEmpty {
            return try S3ObjectListing.objects(in: store, paths: [location.description]).map { TableObject(object: $0, partitionValues: []) }
        }
        var result: [TableObject] = []
        for partition in partitions {
            let folder = S3Location(bucket: partition.location.bucket, key: partition.location.folderPrefix)
            for object in try S3ObjectListing.objects(in: store, paths: [folder.description]) {
                result.append(TableObject(object: object, partitionValues: partition.typedValues))
            }
        }
        return result
    }
}
