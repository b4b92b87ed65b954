import Foundation
import GlueCore

/// Glue's model constraints on catalog inputs (lengths, patterns, required members), applied before
/// anything is written.
enum CatalogValidation {
    static let descriptionMaximum = 2048
    static let locationUriMaximum = 1024
    static let locationMaximum = 2056
    static let parameterKeyMaximum = 255
    static let parameterValueMaximum = 512_000
    static let viewTextMaximum = 409_600
    static let tableTypeMaximum = 255
    static let partitionValueMaximum = 1024
    static let commentMaximum = 255
    static let columnTypeMaximum = 131_072
    static let formatMaximum = 128

    /// A database name, validated and lower-cased.
    static func databaseName(_ text: String) throws(GlueError) -> String {
        try GlueName(text, kind: .database).rawValue
    }

    /// A table name, validated and lower-cased.
    static func tableName(_ text: String) throws(GlueError) -> String {
        try GlueName(text, kind: .table).rawValue
    }

    /// A single-line name that keeps its case (owner, SerDe names, column names).
    static func nameString(_ text: String, at member: String) throws(GlueError) {
        do {
            _ = try GlueName(text, kind: .job)
        } catch {
            throw GlueError(.invalidInput, error.message.replacingOccurrences(of: "at 'name'", with: "at '\(member)'"))
        }
    }

    static func maximum(_ text: String?, _ limit: Int, at member: String) throws(GlueError) {
        if let text, text.count > limit { throw CatalogErrors.tooLong(text, at: member, maximum: limit) }
    }

    static func parameters(_ parameters: [String: String]?, at member: String) throws(GlueError) {
        guard let parameters else { return }
        for (key, value) in parameters {
            if key.isEmpty { throw CatalogErrors.tooShort(key, at: "\(member).key", minimum: 1) }
            try nameString(key, at: "\(member).key")
            try maximum(value, parameterValueMaximum, at: "\(member).value")
        }
    }

    /// Validates a database input and returns it with the name lower-cased.
    static func databaseInput(_ input: DatabaseInput) throws(GlueError) -> DatabaseInput {
        var input = input
        input.name = try databaseName(input.name)
        try maximum(input.description, descriptionMaximum, at: "databaseInput.description")
        if let uri = input.locationUri {
            if uri.isEmpty { throw CatalogErrors.tooShort(uri, at: "databaseInput.locationUri", minimum: 1) }
            try maximum(uri, locationUriMaximum, at: "databaseInput.locationUri")
        }
        try parameters(input.parameters, at: "databaseInput.parameters")
        return input
    }

    static func columns(_ columns: [Column]?, at member: String) throws(GlueError) {
        guard let columns else { return }
        for (index, column) in columns.enumerated() {
            try nameString(column.name, at: "\(member).\(index + 1).member.name")
            try maximum(column.type, columnTypeMaximum, at: "\(member).\(index + 1).member.type")
            try maximum(column.comment, commentMaximum, at: "\(member).\(index + 1).member.comment")
            try parameters(column.parameters, at: "\(member).\(index + 1).member.parameters")
        }
    }

    static func storageDescriptor(_ descriptor: StorageDescriptor?, at member: String) throws(GlueError) {
        guard let descriptor else { return }
        try columns(descriptor.columns, at: "\(member).columns")
        try maximum(descriptor.location, locationMaximum, at: "\(member).location")
        try maximum(descriptor.inputFormat, formatMaximum, at: "\(member).inputFormat")
        try maximum(descriptor.outputFormat, formatMaximum, at: "\(member).outputFormat")
        try parameters(descriptor.parameters, at: "\(member).parameters")
        try parameters(descriptor.serdeInfo?.parameters, at: "\(member).serdeInfo.parameters")
        for order in descriptor.sortColumns ?? [] where order.sortOrder != 0 && order.sortOrder != 1 {
            throw CatalogErrors.outOfRange(order.sortOrder, at: "\(member).sortColumns.member.sortOrder", minimum: 0, maximum: 1)
        }
    }

    /// Validates a table input and returns it with the name lower-cased.
    static func tableInput(_ input: TableInput) throws(GlueError) -> TableInput {
        var input = input
        input.name = try tableName(input.name)
        try maximum(input.description, descriptionMaximum, at: "tableInput.description")
        if let owner = input.owner { try nameString(owner, at: "tableInput.owner") }
        if let retention = input.retention, retention < 0 {
            throw CatalogErrors.outOfRange(retention, at: "tableInput.retention", minimum: 0)
        }
        try storageDescriptor(input.storageDescriptor, at: "tableInput.storageDescriptor")
        try columns(input.partitionKeys, at: "tableInput.partitionKeys")
        try maximum(input.viewOriginalText, viewTextMaximum, at: "tableInput.viewOriginalText")
        try maximum(input.viewExpandedText, viewTextMaximum, at: "tableInput.viewExpandedText")
        try maximum(input.tableType, tableTypeMaximum, at: "tableInput.tableType")
        try parameters(input.parameters, at: "tableInput.parameters")
        var seen = Set<String>()
        for column in (input.storageDescriptor?.columns ?? []) + (input.partitionKeys ?? []) {
            guard seen.insert(column.name.lowercased()).inserted else {
                throw GlueError(.invalidInput, "Duplicate column name \(column.name) in table \(input.name).")
            }
        }
        return input
    }

    /// Validates a partition input against its table's partition keys.
    static func partitionInput(_ input: PartitionInput, keys: [Column], member: String = "partitionInput") throws(GlueError) -> [String] {
        guard let values = input.values else { throw CatalogErrors.missing("\(member).values") }
        try partitionValues(values, keys: keys, member: "\(member).values")
        try storageDescriptor(input.storageDescriptor, at: "\(member).storageDescriptor")
        try parameters(input.parameters, at: "\(member).parameters")
        return values
    }

    /// Checks that there is one value per key and each is within Glue's length limit.
    static func partitionValues(_ values: [String], keys: [Column], member: String) throws(GlueError) {
        for value in values {
            try maximum(value, partitionValueMaximum, at: member)
        }
        guard values.count == keys.count else {
            throw GlueError(
                .invalidInput,
                "The number of partition values (\(values.count)) does not match the number of partition keys (\(keys.count)).")
        }
    }

    /// Checks `MaxResults` against its model range and returns it, or the default.
    static func pageSize(_ value: Int?, maximum: Int, default defaultValue: Int) throws(GlueError) -> Int {
        guard let value else { return defaultValue }
        guard value >= 1 else { throw CatalogErrors.outOfRange(value, at: "maxResults", minimum: 1) }
        guard value <= maximum else { throw CatalogErrors.outOfRange(value, at: "maxResults", maximum: maximum) }
        return value
    }
}
