import Foundation
import GRDB
import GlueCore

/// An open lake: its folder, configuration and database, plus who is calling.
///
/// ```
/// LAKE/
///   config.json      {"AccountId": "123456789012", "Region": "us-east-1"}
///   lake.sqlite      catalog, IAM, jobs, runs, bookmarks, crawlers, keys, bucket registry (WAL)
///   buckets/NAME/    one plain folder per bucket
///   logs/            job run logs
/// ```
public struct LakeContext: Sendable {
    /// The lake folder.
    public let root: URL
    /// The account and region.
    public let configuration: LakeConfiguration
    /// The lake's database, shared by every store (WAL, so several processes can use it at once).
    public let database: DatabasePool
    /// The role given with `--as-role`, if any.
    public let asRole: String?

    /// The folder holding one folder per bucket.
    public var bucketsFolder: URL { root.appendingPathComponent("buckets", isDirectory: true) }
    /// The folder holding job run logs.
    public var logsFolder: URL { root.appendingPathComponent("logs", isDirectory: true) }

    /// The lake folder the options name: `--lake`, else `$LOCALGLUE_LAKE`, else `./.localglue`.
    public static func rootURL(_ options: GlobalOptions) -> URL {
        let path = options.lake ?? ProcessInfo.processInfo.environment["LOCALGLUE_LAKE"] ?? ".localglue"
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// Opens the lake the options name, creating it with the default account and region when it
    /// does not exist yet.
    ///
    /// - Throws: ``ConfigurationError`` when the folder cannot be created or `config.json` is invalid.
    public static func open(_ options: GlobalOptions) throws -> LakeContext {
        let root = rootURL(options)
        let configURL = root.appendingPathComponent("config.json")
        if !FileManager.default.fileExists(atPath: configURL.path) {
            return try create(at: root, configuration: LakeConfiguration(), asRole: options.asRole)
        }
        let configuration: LakeConfiguration
        do {
            configuration = try JSONDecoder().decode(LakeConfiguration.self, from: Data(contentsOf: configURL))
        } catch {
            throw ConfigurationError("The lake configuration \(configURL.path) is not valid: \(error)")
        }
        return LakeContext(
            root: root, configuration: configuration, database: try openDatabase(in: root), asRole: options.asRole)
    }

    /// Creates (or re-opens) a lake at `root` with the given configuration.
    ///
    /// - Throws: ``ConfigurationError`` when the folders or files cannot be written, or the lake
    ///   already exists with another account or region.
    public static func create(at root: URL, configuration: LakeConfiguration, asRole: String? = nil) throws -> LakeContext {
        let manager = FileManager.default
        let configURL = root.appendingPathComponent("config.json")
        do {
            for folder in [root, root.appendingPathComponent("buckets"), root.appendingPathComponent("logs")] {
                try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            if manager.fileExists(atPath: configURL.path) {
                let existing = try JSONDecoder().decode(LakeConfiguration.self, from: Data(contentsOf: configURL))
                guard existing == configuration else {
                    throw ConfigurationError(
                        "The lake \(root.path) already exists for account \(existing.accountID) in \(existing.region).")
                }
            } else {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(configuration).write(to: configURL, options: .atomic)
            }
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError("Cannot create the lake at \(root.path): \(error.localizedDescription)")
        }
        return LakeContext(root: root, configuration: configuration, database: try openDatabase(in: root), asRole: asRole)
    }

    private static func openDatabase(in root: URL) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.label = "lake"
        let path = root.appendingPathComponent("lake.sqlite").path
        do {
            return try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw ConfigurationError("Cannot open the lake database \(path): \(error)")
        }
    }
}
