import ArgumentParser
import GlueCore
import GlueJobs

/// `localglue glue update-crawler`. Mirrors Glue `UpdateCrawler`: the members given replace the
/// stored ones.
struct UpdateCrawler: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "update-crawler", abstract: "Change a crawler (Glue UpdateCrawler).")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var options: CrawlerOptions

    func run() async throws {
        let input = options.cliInputJSON == nil ? nil : try options.baseDefinition()
        guard let name = options.name ?? input?.name else { throw ParameterError(option: "--name", reason: "the crawler's name is required") }
        var changes = CrawlerDefinition(name: name, role: "", targets: CrawlerTargets())
        try options.apply(to: &changes)
        let lake = try LakeContext.open(global)
        try lake.authorizeCrawlerCall("UpdateCrawler", name: name)
        let options = self.options
        do {
            try lake.crawlerStore().update(name: name) { definition in
                if let input {
                    let keep = definition
                    definition = input
                    definition.tags = keep.tags
                }
                if options.role != nil { definition.role = changes.role }
                if options.databaseName != nil { definition.databaseName = changes.databaseName }
                if options.description != nil { definition.description = changes.description }
                if options.targets != nil { definition.targets = changes.targets }
                if options.schedule != nil { definition.schedule = changes.schedule }
                if !options.classifiers.isEmpty { definition.classifiers = changes.classifiers }
                if options.tablePrefix != nil { definition.tablePrefix = changes.tablePrefix }
                if options.schemaChangePolicy != nil { definition.schemaChangePolicy = changes.schemaChangePolicy }
                if options.recrawlPolicy != nil { definition.recrawlPolicy = changes.recrawlPolicy }
                if options.lineageConfiguration != nil { definition.lineageConfiguration = changes.lineageConfiguration }
                if options.lakeFormationConfiguration != nil { definition.lakeFormationConfiguration = changes.lakeFormationConfiguration }
                if options.configuration != nil { definition.configuration = changes.configuration }
                if options.crawlerSecurityConfiguration != nil { definition.crawlerSecurityConfiguration = changes.crawlerSecurityConfiguration }
            }
        } catch {
            throw error.during("UpdateCrawler")
        }
    }
}
