import Foundation
import GlueCore

/// The opaque `NextToken` of the catalog's paginated calls: the position after the last item
/// returned, tagged with the operation so a token from one call is refused by another.
enum PageToken {
    static func make(_ operation: String, after position: String) -> String {
        Data("\(operation)\n\(position)".utf8).base64EncodedString()
    }

    /// The position a token carries.
    ///
    /// - Throws: `InvalidInputException` for a token this catalog did not issue for `operation`.
    static func position(_ token: String?, for operation: String) throws(GlueError) -> String? {
        guard let token, !token.isEmpty else { return nil }
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8),
            let newline = text.firstIndex(of: "\n"), text[..<newline] == operation
        else {
            throw GlueError(.invalidInput, "Invalid NextToken: \(token.prefix(64))")
        }
        return String(text[text.index(after: newline)...])
    }
}
