import Foundation
import Testing
import GRDB
import GlueIAM
import GlueCore
@testable import GlueStorage

/// The backends every contract test runs against.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case memory
    case local
    /// The local store behind ``PolicyEnforcingObjectStore`` with the lake's administrator.
    case enforcedLocal

    var testDescription: String { rawValue }
}

/// A fresh temporary folder, removed when the fixture goes away.
final class TemporaryFolder: Sendable {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("glue-storage-tests-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Every file below `path` (relative), for "nothing changed on disk" checks.
    func snapshot(_ subpath: String = "") -> [String] {
        let base = subpath.isEmpty ? path : path + "/" + subpath
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return [] }
        var out: [String] = []
        while let item = enumerator.nextObject() as? String { out.append(item) }
        return out.sorted()
    }
}

/// A store plus what keeps it alive.
struct StoreFixture {
    let store: any ObjectStore
    let folder: TemporaryFolder?
    let local: LocalFileSystemObjectStore?
    /// A KMS key ARN the store accepts for SSE-KMS.
    let kmsKeyARN: String

    init(_ kind: StoreKind, account: AccountID = .default, synchronizesWrites: Bool = false) throws {
        switch kind {
        case .memory:
            store = InMemoryObjectStore(account: account)
            folder = nil
            local = nil
            kmsKeyARN = "arn:aws:kms:us-east-1:123456789012:key/k"
        case .local, .enforcedLocal:
            let folder = TemporaryFolder()
            let database = try DatabaseQueue()
            let local = try LocalFileSystemObjectStore(
                lakeDirectory: folder.path + "/lake", database: database, account: account, synchronizesWrites: synchronizesWrites)
            let keys = try KMSKeyStore(database: database, account: account)
            kmsKeyARN = kind == .local ? "arn:aws:kms:us-east-1:123456789012:key/k" : try keys.createKey().arn
            store = kind == .local ? local : PolicyEnforcingObjectStore(wrapping: local, caller: .administrator(accountID: account.rawValue), kmsKeys: keys)
            self.folder = folder
            self.local = local
        }
    }

    /// Files of the bucket folder (local) including LocalGlue's hidden area.
    func diskSnapshot() -> [String] {
        folder?.snapshot("lake") ?? []
    }
}

extension Array where Element == UInt8 {
    static func random(count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &+ 0x9E37_79B9_7F4A_7C15
        var out = [UInt8]()
        out.reserveCapacity(count)
        for _ in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        return out
    }
}

/// A body that fails after some bytes, to prove failed puts leave nothing behind.
struct FailingSource: ByteSource {
    var remaining: Int
    mutating func nextChunk(maxLength: Int) throws(GlueError) -> [UInt8]? {
        guard remaining > 0 else { throw GlueError(.internalError, "the source broke") }
        let count = min(remaining, maxLength, 1000)
        remaining -= count
        return [UInt8](repeating: 7, count: count)
    }
}

func expectCode(_ code: GlueError.Code, _ body: () throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        try body()
        Issue.record("expected \(code), got success", sourceLocation: sourceLocation)
    } catch let error as GlueError {
        if error.code != code { Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation) }
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
}
