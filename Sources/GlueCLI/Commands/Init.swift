import ArgumentParser
import Foundation
import GlueCore

/// `localglue init`: creates the lake folder, its configuration and database.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a lake: a folder with config.json, lake.sqlite, buckets/ and logs/.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .customLong("account-id"), help: "The lake's AWS account ID.")
    var accountID = AccountID.default.rawValue

    @Option(help: "The lake's region.")
    var region = "us-east-1"

    struct Output: Encodable {
        var Lake: String
        var AccountId: String
        var Region: String
    }

    func run() async throws {
        let account = try AccountID(accountID)
        let lake = try LakeContext.create(
            at: LakeContext.rootURL(global), configuration: LakeConfiguration(accountID: account, region: region))
        try LakeMigrations.migrate(lake)
        try OutputPrinter(format: global.output).print(
            Output(Lake: lake.root.path, AccountId: lake.configuration.accountID.rawValue, Region: lake.configuration.region))
    }
}
