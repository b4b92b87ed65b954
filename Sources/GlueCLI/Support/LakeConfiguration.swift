import Foundation
import GlueCore

/// The lake's `config.json`: the account and region every ARN of the lake uses.
public struct LakeConfiguration: Codable, Sendable, Equatable {
    /// The lake's own account (the account of its buckets, roles and catalog).
    public var accountID: AccountID
    /// The region of the lake's Glue ARNs.
    public var region: String

    enum CodingKeys: String, CodingKey {
        case accountID = "AccountId"
        case region = "Region"
    }

    /// Creates a configuration.
    public init(accountID: AccountID = .default, region: String = "us-east-1") {
        self.accountID = accountID
        self.region = region
    }
}
