import ArgumentParser
import Foundation
import GlueCatalog
import GlueJobs

/// The members of `create-crawler` and `update-crawler`, as the AWS CLI spells them.
struct CrawlerOptions: ParsableArguments {
    @Option(help: "The crawler's name.") var name: String?
    @Option(help: "The IAM role (name or ARN) the crawl runs as.") var role: String?
    @Option(name: .customLong("database-name"), help: "The database the tables go to.") var databaseName: String?
    @Option(help: "A description.") var description: String?
    @Option(help: "CrawlerTargets JSON, e.g. '{\"S3Targets\": [{\"Path\": \"s3://bucket/prefix/\", \"Exclusions\": [\"**.tmp\"]}]}'.")
    var targets: String?
    @Option(help: "A cron expression (kept; LocalGlue does not schedule).") var schedule: String?
    @Option(parsing: .upToNextOption, help: "Custom classifier names (kept; the built-in classifiers run).") var classifiers: [String] = []
    @Option(name: .customLong("table-prefix"), help: "A prefix for the names of created tables.") var tablePrefix: String?
    @Option(name: .customLong("schema-change-policy"), help: "SchemaChangePolicy JSON or UpdateBehavior=LOG,DeleteBehavior=LOG.")
    var schemaChangePolicy: String?
    @Option(name: .customLong("recrawl-policy"), help: "RecrawlPolicy JSON or RecrawlBehavior=CRAWL_NEW_FOLDERS_ONLY.")
    var recrawlPolicy: String?
    @Option(name: .customLong("lineage-configuration"), help: "LineageConfiguration JSON (kept).") var lineageConfiguration: String?
    @Option(name: .customLong("lake-formation-configuration"), help: "LakeFormationConfiguration JSON (kept).")
    var lakeFormationConfiguration: String?
    @Option(help: "The versioned configuration JSON string.") var configuration: String?
    @Option(name: .customLong("crawler-security-configuration"), help: "A security configuration name (kept).")
    var crawlerSecurityConfiguration: String?
    @Option(name: .customLong("cli-input-json"), help: "The whole request as JSON, inline or file://PATH.") var cliInputJSON: String?

    /// Applies the options given to a definition.
    func apply(to definition: inout CrawlerDefinition) throws {
        if let name { definition.name = name }
        if let role { definition.role = role }
        if let databaseName { definition.databaseName = databaseName }
        if let description { definition.description = description }
        if let targets { definition.targets = try CatalogParameter.decode(CrawlerTargets.self, targets, option: "--targets") }
        if let schedule { definition.schedule = schedule }
        if !classifiers.isEmpty { definition.classifiers = try CatalogParameter.list(classifiers, option: "--classifiers") }
        if let tablePrefix { definition.tablePrefix = tablePrefix }
        if let schemaChangePolicy {
            definition.schemaChangePolicy = try Self.structure(SchemaChangePolicy.self, schemaChangePolicy, option: "--schema-change-policy")
        }
        if let recrawlPolicy { definition.recrawlPolicy = try Self.structure(RecrawlPolicy.self, recrawlPolicy, option: "--recrawl-policy") }
        if let lineageConfiguration {
            definition.lineageConfiguration = try CatalogParameter.decode(JSONValue.self, lineageConfiguration, option: "--lineage-configuration")
        }
        if let lakeFormationConfiguration {
            definition.lakeFormationConfiguration = try CatalogParameter.decode(
                JSONValue.self, lakeFormationConfiguration, option: "--lake-formation-configuration")
        }
        if let configuration { definition.configuration = try ParameterInput.text(configuration, option: "--configuration") }
        if let crawlerSecurityConfiguration { definition.crawlerSecurityConfiguration = crawlerSecurityConfiguration }
    }

    /// The definition `--cli-input-json` gives, or an empty one.
    func baseDefinition() throws -> CrawlerDefinition {
        guard let cliInputJSON else { return CrawlerDefinition(name: "", role: "", targets: CrawlerTargets()) }
        return try CatalogParameter.decode(CrawlerDefinition.self, cliInputJSON, option: "--cli-input-json")
    }

    /// A flat structure as JSON or in the AWS CLI's shorthand (`Key=Value,Key=Value`).
    static func structure<T: Decodable>(_ type: T.Type, _ value: String, option: String) throws -> T {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("file://") { return try CatalogParameter.decode(T.self, value, option: option) }
        var object: [String: String] = [:]
        for pair in trimmed.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw ParameterError(option: option, reason: "expected Key=Value pairs or JSON, not '\(pair)'") }
            object[String(parts[0])] = String(parts[1])
        }
        let json = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
        return try CatalogParameter.decode(T.self, json, option: option)
    }
}
