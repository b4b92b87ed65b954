import GlueCore

/// Glue's error codes and messages for the catalog, worded as Glue (and moto) word them.
enum CatalogErrors {
    static func databaseNotFound(_ name: String) -> GlueError {
        GlueError(.entityNotFound, "Database \(name) not found.")
    }

    static func tableNotFound(_ name: String) -> GlueError {
        GlueError(.entityNotFound, "Table \(name) not found.")
    }

    static func partitionNotFound() -> GlueError {
        GlueError(.entityNotFound, "Cannot find partition.")
    }

    static func versionNotFound() -> GlueError {
        GlueError(.entityNotFound, "Version not found.")
    }

    /// `Database already exists.`, `Table already exists.`, `Partition already exists.`
    static func alreadyExists(_ kind: String) -> GlueError {
        GlueError(.alreadyExists, "\(kind) already exists.")
    }

    /// A model constraint on a length, in the AWS validation message form.
    static func tooLong(_ value: String, at member: String, maximum: Int) -> GlueError {
        GlueError(
            .invalidInput,
            "1 validation error detected: Value '\(shown(value))' at '\(member)' failed to satisfy constraint: Member must have length less than or equal to \(maximum)"
        )
    }

    /// A model constraint on a minimum length.
    static func tooShort(_ value: String, at member: String, minimum: Int) -> GlueError {
        GlueError(
            .invalidInput,
            "1 validation error detected: Value '\(shown(value))' at '\(member)' failed to satisfy constraint: Member must have length greater than or equal to \(minimum)"
        )
    }

    /// A model constraint on a number's range.
    static func outOfRange(_ value: Int, at member: String, minimum: Int? = nil, maximum: Int? = nil) -> GlueError {
        let constraint =
            if let minimum, value < minimum {
                "Member must have value greater than or equal to \(minimum)"
            } else {
                "Member must have value less than or equal to \(maximum ?? value)"
            }
        return GlueError(
            .invalidInput,
            "1 validation error detected: Value '\(value)' at '\(member)' failed to satisfy constraint: \(constraint)")
    }

    /// A list longer than the model allows.
    static func listTooLong(count: Int, at member: String, maximum: Int) -> GlueError {
        GlueError(
            .invalidInput,
            "1 validation error detected: Value with \(count) items at '\(member)' failed to satisfy constraint: Member must have length less than or equal to \(maximum)"
        )
    }

    /// A required member that is missing.
    static func missing(_ member: String) -> GlueError {
        GlueError(
            .invalidInput,
            "1 validation error detected: Value null at '\(member)' failed to satisfy constraint: Member must not be null")
    }

    /// A stored row that LocalGlue cannot read back (the lake file was edited or is corrupt).
    static func corrupt(_ what: String, _ detail: String) -> GlueError {
        GlueError(.internalService, "The catalog's stored \(what) cannot be read: \(detail)")
    }

    private static func shown(_ value: String) -> String {
        value.count > 64 ? String(value.prefix(64)) + "..." : value
    }
}
