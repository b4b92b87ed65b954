import ArgumentParser

/// `localglue glue ...`: the Glue API (Data Catalog, crawlers, jobs, runs, bookmarks).
struct GlueService: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glue",
        abstract: "The AWS Glue API: databases, tables, partitions, crawlers, jobs and job runs.",
        subcommands: GlueService.catalogCommands + GlueService.crawlerCommands + GlueService.jobCommands)
}
