import ArgumentParser

extension GlueService {
    /// The Data Catalog and crawler commands (create-database, get-table, get-partitions, ...).
    static let catalogCommands: [any ParsableCommand.Type] = []
}
