import GlueColumnar
import GlueCore

/// Resolves choice columns (values of several types in one field) into ordinary columns.
/// Mirrors DynamicFrame `resolveChoice(specs=[(path, action)])` or `resolveChoice(choice=action)`.
///
/// Actions (`"cast:long"`, `"project:string"`, `"make_cols"`, `"make_struct"`, `"match_catalog"`):
/// - `cast:TYPE`: every value cast to the type; values that cannot be cast become null;
/// - `project:TYPE`: only values of that type are kept; the others become null;
/// - `make_cols`: one column per type named `<field>_<type>` (`provider id_long`); the first keeps
///   the field's position, the others go to the end of the schema;
/// - `make_struct`: a struct with one field per type, named after the type;
/// - `match_catalog`: each choice column is cast to the type of the same column in a catalog
///   table's schema (give the schema; `choice=` form only, as in Glue).
///
/// `specs` name fields by path; `choice` applies to every top-level choice column. `cast` also
/// converts a field that is not a choice; the other actions leave such a field as it is.
public struct ResolveChoice: BatchOperator {
    /// What to do with a choice column.
    public enum Action: Hashable, Sendable {
        case cast(DataType)
        case project(DataType)
        case makeCols
        case makeStruct
        case matchCatalog(Schema)

        /// Parses Glue's spelling (`cast:long`, `project:string`, `make_cols`, `make_struct`).
        ///
        /// - Throws: `InvalidInputException` for an unknown action or type; `match_catalog` needs
        ///   a schema and cannot be parsed from text alone.
        public init(parsing text: String) throws(GlueError) {
            let lowered = text.lowercased()
            if lowered.hasPrefix("cast:") {
                self = .cast(try GlueTypeName.parse(String(text.dropFirst(5))))
            } else if lowered.hasPrefix("project:") {
                self = .project(try GlueTypeName.parse(String(text.dropFirst(8))))
            } else if lowered == "make_cols" {
                self = .makeCols
            } else if lowered == "make_struct" {
                self = .makeStruct
            } else {
                throw GlueError(.invalidInput, "Unknown ResolveChoice action \(text); use cast:TYPE, project:TYPE, make_cols, make_struct or match_catalog.")
            }
        }

        var text: String {
            switch self {
            case .cast(let type): "cast:\(GlueTypeName.name(of: type))"
            case .project(let type): "project:\(GlueTypeName.name(of: type))"
            case .makeCols: "make_cols"
            case .makeStruct: "make_struct"
            case .matchCatalog: "match_catalog"
            }
        }
    }

    /// Per-field actions (`specs`), or empty when ``choice`` applies.
    public let specs: [(path: FieldPath, action: Action)]
    /// The action for every choice column (`choice`), or `nil`.
    public let choice: Action?

    /// `resolveChoice(specs=...)`.
    ///
    /// - Throws: `InvalidInputException` for `match_catalog` in specs (Glue allows it only as `choice`).
    public init(specs: [(FieldPath, Action)]) throws(GlueError) {
        if specs.contains(where: { if case .matchCatalog = $0.1 { true } else { false } }) {
            throw GlueError(.invalidInput, "match_catalog can only be used as the choice action, not in specs.")
        }
        self.specs = specs.map { (path: $0.0, action: $0.1) }
        self.choice = nil
    }

    /// `resolveChoice(choice=...)`.
    public init(choice: Action) {
        self.specs = []
        self.choice = choice
    }

    public var explainName: String { "ResolveChoice" }
    public var explainDetail: String {
        if let choice { return "choice=\(choice.text)" }
        return specs.map { "\($0.path): \($0.action.text)" }.joined(separator: ", ")
    }

    public func outputSchema(for inputs: [Schema]) throws(GlueError) -> Schema {
        try resolve(RecordBatch.empty(inputs[0])).schema
    }

    public func process(_ batch: RecordBatch, input: Int, state: inout Void, context: inout OperatorContext) throws(GlueError) -> RecordBatch? {
        try resolve(batch)
    }

    func resolve(_ batch: RecordBatch) throws(GlueError) -> RecordBatch {
        var work: [(FieldPath, Action)] = specs.map { ($0.path, $0.action) }
        if let choice {
            for field in batch.schema.fields {
                if case .choice = field.dataType { work.append((FieldPath([field.name]), choice)) }
            }
        }
        var result = batch
        for (path, action) in work {
            guard let (field, column) = result.column(at: path) else { continue }
            let isChoice = ChoiceColumns.parts(column) != nil
            switch action {
            case .cast(let type):
                result = try result.inserting(try ChoiceColumns.cast(column, to: type), at: path)
            case .project(let type):
                guard let (types, _, _) = ChoiceColumns.parts(column) else { continue }
                let projected = types.firstIndex(of: type).flatMap { ChoiceColumns.project(column, branch: $0) } ?? .nulls(type, count: column.count)
                result = try result.inserting(projected, at: path)
            case .matchCatalog(let schema):
                guard isChoice, let target = schema.field(named: field.name) else { continue }
                result = try result.inserting(try ChoiceColumns.cast(column, to: target.dataType), at: path)
            case .makeStruct:
                guard let (types, _, _) = ChoiceColumns.parts(column) else { continue }
                var children: [Column] = []
                var fields: [Field] = []
                for (branch, type) in types.enumerated() {
                    guard let projected = ChoiceColumns.project(column, branch: branch) else { continue }
                    children.append(projected)
                    fields.append(Field(GlueTypeName.name(of: type), type))
                }
                let type = DataType.struct(fields)
                result = try result.inserting(Column(type, storage: .structure(children), validity: column.validity), at: path)
            case .makeCols:
                guard let (types, _, _) = ChoiceColumns.parts(column) else { continue }
                guard path.components.count == 1, let position = result.schema.firstIndex(named: path.name) else {
                    throw GlueError(.invalidInput, "make_cols applies to top-level fields, not \(path).")
                }
                var fields = result.schema.fields
                var columns = result.columns
                for (branch, type) in types.enumerated() {
                    guard let projected = ChoiceColumns.project(column, branch: branch) else { continue }
                    let named = Field("\(field.name)_\(GlueTypeName.name(of: type))", type)
                    if branch == 0 {
                        fields[position] = named
                        columns[position] = projected
                    } else {
                        fields.append(named)
                        columns.append(projected)
                    }
                }
                result = try RecordBatch(schema: Schema(fields), columns: columns)
            }
        }
        return result
    }
}
