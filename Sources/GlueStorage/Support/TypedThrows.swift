import GlueCore

/// Runs a closure through an API that only rethrows untyped errors (`withUnsafeBytes`, ...) and
/// gives the `GlueError` back its type.
@inline(__always)
func withGlueErrors<R>(_ body: () throws -> R) throws(GlueError) -> R {
    do {
        return try body()
    } catch let error as GlueError {
        throw error
    } catch {
        throw GlueError(.internalError, "Unexpected error: \(error)", cause: error)
    }
}
