import GlueColumnar
import GlueCore

/// Finds, removes and inserts columns by ``FieldPath``, descending into `struct` columns.
///
/// Names match as Spark resolves them: exactly first, then one case-insensitive match.
extension RecordBatch {
    /// The column and field at `path`, or `nil` when some component is missing or not a struct.
    public func column(at path: FieldPath) -> (field: Field, column: Column)? {
        guard let first = path.components.first, let index = schema.firstIndex(named: first) else { return nil }
        return ColumnPaths.descend(field: schema[index], column: columns[index], rest: path.components.dropFirst())
    }

    /// The batch without the field at `path` (a struct keeps its other fields). Missing paths
    /// leave the batch unchanged.
    public func removing(_ path: FieldPath) -> RecordBatch {
        guard let first = path.components.first, let index = schema.firstIndex(named: first) else { return self }
        var fields = schema.fields
        var columns = columns
        if path.components.count == 1 {
            fields.remove(at: index)
            columns.remove(at: index)
        } else {
            switch ColumnPaths.remove(field: fields[index], column: columns[index], rest: path.components.dropFirst()) {
            case .notFound:
                return self
            case .emptied:
                fields.remove(at: index)
                columns.remove(at: index)
            case .updated(let field, let column):
                fields[index] = field
                columns[index] = column
            }
        }
        return ColumnPaths.batch(fields, columns, rowCount: rowCount)
    }

    /// The batch with `column` added at `path` under the path's last name, creating structs on the
    /// way; an existing field of that name is replaced in place.
    ///
    /// - Throws: `InvalidInputException` when a component on the way is not a struct.
    public func inserting(_ column: Column, at path: FieldPath) throws(GlueError) -> RecordBatch {
        guard let first = path.components.first else { return self }
        var fields = schema.fields
        var columns = columns
        if path.components.count == 1 {
            if let index = schema.firstIndex(named: first) {
                fields[index] = Field(fields[index].name, column.dataType)
                columns[index] = column
            } else {
                fields.append(Field(first, column.dataType))
                columns.append(column)
            }
        } else if let index = schema.firstIndex(named: first) {
            let (field, updated) = try ColumnPaths.insert(column, field: fields[index], into: columns[index], rest: path.components.dropFirst())
            fields[index] = field
            columns[index] = updated
        } else {
            let created = ColumnPaths.wrap(column, rest: path.components.dropFirst(), rowCount: rowCount)
            fields.append(Field(first, created.dataType))
            columns.append(created)
        }
        return ColumnPaths.batch(fields, columns, rowCount: rowCount)
    }
}

/// Helpers over struct columns for ``RecordBatch`` path operations.
enum ColumnPaths {
    static func batch(_ fields: [Field], _ columns: [Column], rowCount: Int) -> RecordBatch {
        if columns.isEmpty {
            // A batch with no columns keeps no row count; callers that drop every field get an
            // empty schema.
            return RecordBatch.empty(Schema([]))
        }
        // Fields and columns were derived together from a valid batch.
        return (try? RecordBatch(schema: Schema(fields), columns: columns)) ?? RecordBatch.empty(Schema(fields))
    }

    static func childIndex(_ fields: [Field], _ name: String) -> Int? {
        Schema(fields).firstIndex(named: name)
    }

    static func descend(field: Field, column: Column, rest: ArraySlice<String>) -> (field: Field, column: Column)? {
        guard let next = rest.first else { return (field, column) }
        guard case .struct(let fields) = column.dataType, case .structure(let children) = column.storage,
              let index = childIndex(fields, next) else { return nil }
        // A null struct makes its fields null.
        let child = children[index]
        let merged = Column(child.dataType, storage: child.storage, validity: ValidityBitmap.intersection(child.validity, column.validity))
        return descend(field: fields[index], column: merged, rest: rest.dropFirst())
    }

    enum Removal {
        case notFound
        /// The struct lost its last field and goes away too.
        case emptied
        case updated(Field, Column)
    }

    static func remove(field: Field, column: Column, rest: ArraySlice<String>) -> Removal {
        guard let next = rest.first, case .struct(var fields) = column.dataType, case .structure(var children) = column.storage,
              let index = childIndex(fields, next) else { return .notFound }
        if rest.count == 1 {
            fields.remove(at: index)
            children.remove(at: index)
        } else {
            switch remove(field: fields[index], column: children[index], rest: rest.dropFirst()) {
            case .notFound: return .notFound
            case .emptied:
                fields.remove(at: index)
                children.remove(at: index)
            case .updated(let childField, let child):
                fields[index] = childField
                children[index] = child
            }
        }
        if children.isEmpty { return .emptied }
        let type = DataType.struct(fields)
        return .updated(Field(field.name, type, isNullable: field.isNullable), Column(type, storage: .structure(children), validity: column.validity))
    }

    static func insert(_ column: Column, field: Field, into parent: Column, rest: ArraySlice<String>) throws(GlueError) -> (Field, Column) {
        guard let next = rest.first else { return (Field(field.name, column.dataType), column) }
        guard case .struct(var fields) = parent.dataType, case .structure(var children) = parent.storage else {
            throw GlueError(.invalidInput, "Field \(field.name) is a \(parent.dataType), not a struct; cannot add \(next) to it.")
        }
        if let index = childIndex(fields, next) {
            let (childField, child) = try insert(column, field: fields[index], into: children[index], rest: rest.dropFirst())
            fields[index] = childField
            children[index] = child
        } else {
            let created = wrap(column, rest: rest.dropFirst(), rowCount: parent.count)
            fields.append(Field(next, created.dataType))
            children.append(created)
        }
        let type = DataType.struct(fields)
        return (Field(field.name, type), Column(type, storage: .structure(children), validity: parent.validity))
    }

    /// The struct column reduced to the one field path `rest` names, keeping every level's
    /// validity (a null struct stays null); `nil` when the path is missing.
    static func prune(field: Field, column: Column, rest: ArraySlice<String>) -> (Field, Column)? {
        guard let next = rest.first else { return (field, column) }
        guard case .struct(let fields) = column.dataType, case .structure(let children) = column.storage,
              let index = childIndex(fields, next),
              let (childField, child) = prune(field: fields[index], column: children[index], rest: rest.dropFirst())
        else { return nil }
        let type = DataType.struct([childField])
        return (Field(field.name, type, isNullable: field.isNullable), Column(type, storage: .structure([child]), validity: column.validity))
    }

    /// Merges a pruned struct column into an existing struct column of the same rows.
    static func merge(_ pruned: Column, into existing: Column) -> Column {
        guard case .struct(var fields) = existing.dataType, case .structure(var children) = existing.storage,
              case .struct(let newFields) = pruned.dataType, case .structure(let newChildren) = pruned.storage,
              let newField = newFields.first, let newChild = newChildren.first else { return existing }
        if let index = childIndex(fields, newField.name) {
            children[index] = merge(newChild, into: children[index])
            fields[index].dataType = children[index].dataType
        } else {
            fields.append(newField)
            children.append(newChild)
        }
        let type = DataType.struct(fields)
        return Column(type, storage: .structure(children), validity: existing.validity)
    }

    /// Wraps a column in structs named by `rest` (outermost first).
    static func wrap(_ column: Column, rest: ArraySlice<String>, rowCount: Int) -> Column {
        var result = column
        for name in rest.reversed() {
            let type = DataType.struct([Field(name, result.dataType)])
            result = Column(type, storage: .structure([result]))
        }
        return result
    }
}
