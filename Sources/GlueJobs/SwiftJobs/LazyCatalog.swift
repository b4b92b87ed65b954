import GlueCatalog
import GlueCore
import Synchronization

/// A run's Data Catalog, opened (as the job's role) on first use only: jobs that never read or
/// write a catalog table never assume the role for it.
final class LazyCatalog: Sendable {
    private let open: @Sendable () throws(GlueError) -> any CatalogStore
    private let opened = Mutex<(any CatalogStore)?>(nil)

    init(_ open: @escaping @Sendable () throws(GlueError) -> any CatalogStore) {
        self.open = open
    }

    /// The catalog, opening it the first time.
    ///
    /// - Throws: the errors of opening it (`AccessDeniedException` for an untrusted role).
    func get() throws(GlueError) -> any CatalogStore {
        if let existing = opened.withLock({ $0 }) { return existing }
        let made = try open()
        opened.withLock { $0 = made }
        return made
    }
}
