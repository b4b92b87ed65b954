import GlueCatalog

/// A table a crawl found: its root folder, its partitions and its objects.
struct PlannedTable: Sendable {
    /// The table's name (sanitized, with the crawler's `TablePrefix`).
    var name: String
    /// The table root, `s3://bucket/prefix/`.
    var location: String
    /// The partition key names, in folder order.
    var partitionKeys: [String]
    /// The partitions (none for an unpartitioned table), by values.
    var partitions: [PlannedPartition]
    /// Every object of the table.
    var files: [CrawledFile]
    /// The merged columns.
    var columns: [GlueCatalog.Column]
}

/// One partition folder of a planned table.
struct PlannedPartition: Sendable {
    /// One value per partition key.
    var values: [String]
    /// The partition folder, `s3://bucket/table/key=value/`.
    var location: String
    /// Its objects.
    var files: [CrawledFile]
    /// Its merged columns.
    var columns: [GlueCatalog.Column]
}

/// Groups crawled objects into tables and partitions as Glue's crawler does.
///
/// Starting at the include path: when every object below a folder has the same format
/// (classification, compression, delimiter, header), lies at the same depth, and has a similar
/// schema (at least 70% of the column names in common), that folder is one table and the folders
/// below it are its partitions. Otherwise each sub-folder is considered on its own, and each object
/// directly in the folder becomes its own table (named after the object). Partition keys are
/// named after `key=value` folders, else `partition_0`, `partition_1`, ... Options of the
/// crawler's `Configuration`: `TableGroupingPolicy: CombineCompatibleSchemas` makes the include
/// path one table when the formats agree, whatever the schemas; `TableLevelConfiguration: N`
/// puts every table root at absolute folder level N (the bucket is level 1).
struct CrawlerPlanner {
    /// The include path's bucket.
    var bucket: String
    /// The include path's folder segments.
    var rootSegments: [String]
    /// The crawler's `TablePrefix`.
    var tablePrefix: String
    /// The crawler's configuration.
    var configuration: CrawlerConfiguration

    /// The share of column names two schemas must have in common to be one table.
    static let similarity = 0.7

    /// The tables of one include path.
    func plan(_ files: [CrawledFile]) -> [PlannedTable] {
        guard !files.isEmpty else { return [] }
        if let level = configuration.tableLevel {
            let depth = max(0, level - 1 - rootSegments.count)
            var groups: [[String]: [CrawledFile]] = [:]
            var order: [[String]] = []
            for file in files {
                let key = Array(file.folders.prefix(depth))
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(file)
            }
            return order.map { table(at: $0, files: groups[$0] ?? []) }
        }
        if configuration.combineCompatibleSchemas, Set(files.map(\.formatSignature)).count == 1,
            Set(files.map(\.folders.count)).count == 1
        {
            return [table(at: [], files: files)]
        }
        return plan(folder: [], files: files)
    }

    func plan(folder: [String], files: [CrawledFile]) -> [PlannedTable] {
        if Self.compatible(files, depth: folder.count) { return [table(at: folder, files: files)] }
        var tables: [PlannedTable] = []
        var children: [String: [CrawledFile]] = [:]
        var childOrder: [String] = []
        for file in files {
            if file.folders.count == folder.count {
                tables.append(table(at: folder, files: [file], fileTable: true))
            } else {
                let child = file.folders[folder.count]
                if children[child] == nil { childOrder.append(child) }
                children[child, default: []].append(file)
            }
        }
        for child in childOrder.sorted() {
            tables += plan(folder: folder + [child], files: children[child] ?? [])
        }
        return tables
    }

    /// Whether objects can be one table rooted `depth` folders below the include path.
    static func compatible(_ files: [CrawledFile], depth: Int) -> Bool {
        guard let first = files.first else { return false }
        let levels = first.folders.count - depth
        let names = Set(first.columns.map(\.name))
        for file in files.dropFirst() {
            guard file.formatSignature == first.formatSignature, file.folders.count - depth == levels else { return false }
            let other = Set(file.columns.map(\.name))
            let union = names.union(other)
            if !union.isEmpty, Double(names.intersection(other).count) / Double(union.count) < similarity { return false }
        }
        return true
    }

    /// The table rooted at `folder` (relative to the include path).
    func table(at folder: [String], files: [CrawledFile], fileTable: Bool = false) -> PlannedTable {
        var segments = rootSegments + folder
        let base: String
        if fileTable, let file = files.first {
            base = file.fileName
        } else {
            base = segments.last ?? bucket
        }
        let prefix = "s3://\(bucket)/" + segments.map { $0 + "/" }.joined()
        if fileTable, let file = files.first {
            segments.append(file.fileName)
        }
        let location = fileTable ? "s3://\(bucket)/" + segments.joined(separator: "/") : prefix
        let levels = files.map { $0.folders.count - folder.count }.max() ?? 0
        var keys: [String] = []
        for level in 0..<levels {
            let names = Set(files.compactMap { file -> String? in
                guard folder.count + level < file.folders.count else { return nil }
                return Self.keyValue(file.folders[folder.count + level])?.key
            })
            let allNamed = files.allSatisfy { file in
                folder.count + level < file.folders.count && Self.keyValue(file.folders[folder.count + level]) != nil
            }
            if allNamed, names.count == 1, let name = names.first, !keys.contains(name.lowercased()) {
                keys.append(name.lowercased())
            } else {
                keys.append("partition_\(level)")
            }
        }
        var partitions: [PlannedPartition] = []
        if levels > 0 {
            var groups: [[String]: [CrawledFile]] = [:]
            for file in files { groups[Array(file.folders[folder.count...]), default: []].append(file) }
            for (path, members) in groups {
                let values = path.map { Self.keyValue($0)?.value ?? $0 }
                partitions.append(
                    PlannedPartition(
                        values: values, location: prefix + path.map { $0 + "/" }.joined(), files: members,
                        columns: Self.mergedColumns(members)))
            }
            partitions.sort { $0.values.lexicographicallyPrecedes($1.values) }
        }
        return PlannedTable(
            name: Self.tableName(tablePrefix + base), location: location, partitionKeys: keys, partitions: partitions, files: files,
            columns: Self.mergedColumns(files))
    }

    /// `key=value` folder names.
    static func keyValue(_ segment: String) -> (key: String, value: String)? {
        guard let equals = segment.firstIndex(of: "="), equals != segment.startIndex else { return nil }
        return (String(segment[..<equals]), String(segment[segment.index(after: equals)...]))
    }

    /// A folder or object name as a table name: lower case, anything but letters, digits and `_`
    /// replaced by `_`.
    static func tableName(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.map { scalar -> Character in
            (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar) || scalar == "_" ? Character(scalar) : "_"
        })
    }

    /// The union of the objects' columns in first-seen order; differing types widen (`int` and
    /// `bigint` to `bigint`, integers and `double` to `double`, anything else to `string`).
    static func mergedColumns(_ files: [CrawledFile]) -> [GlueCatalog.Column] {
        var columns: [GlueCatalog.Column] = []
        var index: [String: Int] = [:]
        for file in files {
            for column in file.columns {
                if let at = index[column.name] {
                    columns[at].type = widen(columns[at].type ?? "string", column.type ?? "string")
                } else {
                    index[column.name] = columns.count
                    columns.append(column)
                }
            }
        }
        return columns
    }

    static func widen(_ a: String, _ b: String) -> String {
        if a == b { return a }
        let integers = ["tinyint", "smallint", "int", "bigint"]
        if let x = integers.firstIndex(of: a), let y = integers.firstIndex(of: b) { return integers[max(x, y)] }
        if (integers.contains(a) || a == "double" || a == "float") && (integers.contains(b) || b == "double" || b == "float") {
            return "double"
        }
        return "string"
    }
}
