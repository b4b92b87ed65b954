import Foundation
import GlueJobs

/// `get-job`'s `Job`: the definition plus `CreatedOn` and `LastModifiedOn`.
struct JobOutput: Encodable {
    var stored: JobStore.StoredJob

    enum Keys: String, CodingKey {
        case createdOn = "CreatedOn"
        case lastModifiedOn = "LastModifiedOn"
    }

    func encode(to encoder: any Encoder) throws {
        try stored.definition.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(stored.createdOn, forKey: .createdOn)
        try container.encode(stored.lastModifiedOn, forKey: .lastModifiedOn)
    }
}
