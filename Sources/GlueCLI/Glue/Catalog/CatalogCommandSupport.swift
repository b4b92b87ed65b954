import ArgumentParser
import Foundation
import GlueCatalog
import GlueCore
import GlueIAM

extension LakeContext {
    /// The caller of catalog commands: the account's administrator, or the `--as-role` session
    /// (`arn:aws:sts::ACCOUNT:assumed-role/ROLE/localglue-cli` with the role's policies).
    ///
    /// - Throws: `NoSuchEntity` when the role does not exist in the lake.
    func catalogCaller() throws -> CallerIdentity {
        let account = configuration.accountID.rawValue
        guard let asRole else { return .administrator(accountID: account) }
        let roleName = ARN(asRole).map { String($0.resource.split(separator: "/").last ?? "") } ?? asRole
        let iam = try SQLiteIAMStore(database: database, accountID: account)
        return try iam.callerIdentity(roleName: roleName, sessionName: "localglue-cli")
    }

    /// The lake's Data Catalog, authorizing every call for the caller.
    func catalogStore() throws -> PolicyCheckingCatalogStore<SQLiteCatalogStore> {
        let base = try SQLiteCatalogStore(writer: database, catalogId: configuration.accountID.rawValue)
        return PolicyCheckingCatalogStore(base: base, caller: try catalogCaller(), region: configuration.region)
    }
}

/// Reading the catalog commands' structure parameters (inline JSON or `file://`).
enum CatalogParameter {
    /// Decodes a Glue shape; timestamps may be ISO 8601 or epoch seconds, as the AWS CLI accepts.
    ///
    /// - Throws: ``ParameterError`` (a usage error) naming the option and the JSON path.
    static func decode<T: Decodable>(_ type: T.Type, _ value: String, option: String) throws -> T {
        let text = try ParameterInput.text(value, option: option)
        do {
            return try CatalogJSON.decode(T.self, from: Data(text.utf8), what: option)
        } catch {
            throw ParameterError(option: option, reason: error.message)
        }
    }

    /// A list option given as separate words (`--partition-values 2024 01`) or as a JSON array.
    static func list(_ values: [String], option: String) throws -> [String] {
        if values.count == 1, let first = values.first, first.hasPrefix("[") || first.hasPrefix("file://") {
            return try decode([String].self, first, option: option)
        }
        return values
    }
}

/// The AWS CLI's pagination options for list commands: all pages by default.
struct PaginationOptions: ParsableArguments {
    @Option(name: .customLong("max-items"), help: "The most items to print; NextToken resumes after them.")
    var maxItems: Int?

    @Option(name: .customLong("starting-token"), help: "A NextToken from an earlier call.")
    var startingToken: String?

    @Option(name: .customLong("page-size"), help: "The page size of each underlying call.")
    var pageSize: Int?

    @Option(name: .customLong("max-results"), help: ArgumentHelp("One page of at most this many items (the API's MaxResults).", visibility: .hidden))
    var maxResults: Int?

    @Option(name: .customLong("next-token"), help: ArgumentHelp("The API's NextToken (one page).", visibility: .hidden))
    var nextToken: String?

    /// Fetches pages until there are no more or `--max-items` is reached.
    func collect<Item>(
        defaultPageSize: Int, _ fetch: (_ token: String?, _ pageSize: Int?) throws -> ([Item], String?)
    ) throws -> ([Item], String?) {
        if maxResults != nil || nextToken != nil {
            return try fetch(nextToken, maxResults)
        }
        var items: [Item] = []
        var token = startingToken
        while true {
            var size = pageSize
            if let maxItems {
                let remaining = maxItems - items.count
                if remaining <= 0 { return (items, token) }
                size = min(size ?? defaultPageSize, remaining)
            }
            let (page, next) = try fetch(token, size)
            items += page
            token = next
            if token == nil { return (items, nil) }
        }
    }
}
