import ArgumentParser
import Foundation
import GlueCatalog
import GlueCore

/// `localglue glue import-catalog DIR`: loads a folder of Glue JSON into the lake's catalog
/// (LocalGlue's own verb). `DIR/databases/*.json` are `DatabaseInput`s; `DIR/tables/DB/*.json` are
/// `TableInput`s of database `DB`. Existing databases and tables are updated (tables archive a
/// version), new ones created. Prints what it did as JSON.
struct ImportCatalog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import-catalog", abstract: "Load Catalog/ (Glue JSON databases and tables) into the lake.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The folder holding databases/ and tables/.") var directory: String

    struct Output: Encodable {
        var DatabasesCreated: [String] = []
        var DatabasesUpdated: [String] = []
        var TablesCreated: [String] = []
        var TablesUpdated: [String] = []
    }

    static func jsonFiles(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func read<T: Decodable>(_ type: T.Type, _ url: URL) throws -> T {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigurationError("Cannot read \(url.path).")
        }
        do {
            return try CatalogJSON.decode(T.self, from: data, what: url.lastPathComponent)
        } catch {
            throw ParameterError(option: "import-catalog", reason: "\(url.path): \(error.message)")
        }
    }

    /// Runs a create call: true when it created, false when the entity already existed.
    static func created(_ create: () throws(GlueError) -> Void) throws(GlueError) -> Bool {
        do {
            try create()
            return true
        } catch {
            if error.code == .alreadyExists { return false }
            throw error
        }
    }

    func run() async throws {
        let root = URL(fileURLWithPath: directory, isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ConfigurationError("import-catalog: \(directory) is not a folder.")
        }
        let lake = try LakeContext.open(global)
        let store = try lake.catalogStore()
        var output = Output()
        for url in Self.jsonFiles(in: root.appendingPathComponent("databases")) {
            let input = try Self.read(DatabaseInput.self, url)
            if try Self.created({ () throws(GlueError) in try store.createDatabase(CreateDatabaseRequest(databaseInput: input)) }) {
                output.DatabasesCreated.append(input.name.lowercased())
            } else {
                try store.updateDatabase(UpdateDatabaseRequest(name: input.name, databaseInput: input))
                output.DatabasesUpdated.append(input.name.lowercased())
            }
        }
        let tablesFolder = root.appendingPathComponent("tables")
        let databases = ((try? FileManager.default.contentsOfDirectory(atPath: tablesFolder.path)) ?? []).sorted()
        for database in databases {
            for url in Self.jsonFiles(in: tablesFolder.appendingPathComponent(database)) {
                let input = try Self.read(TableInput.self, url)
                let label = "\(database.lowercased()).\(input.name.lowercased())"
                if try Self.created({ () throws(GlueError) in try store.createTable(CreateTableRequest(databaseName: database, tableInput: input)) }) {
                    output.TablesCreated.append(label)
                } else {
                    try store.updateTable(UpdateTableRequest(databaseName: database, tableInput: input))
                    output.TablesUpdated.append(label)
                }
            }
        }
        try OutputPrinter(format: global.output).print(output)
    }
}
