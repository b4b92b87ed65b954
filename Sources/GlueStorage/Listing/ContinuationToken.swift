#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif
import GlueCore

/// The opaque `NextContinuationToken` of `ListObjectsV2`: where the previous page stopped.
///
/// It encodes the last entry returned, a key or a common prefix (in which case every key under
/// that prefix is skipped), as base64 so that callers treat it as opaque.
struct ContinuationToken: Hashable {
    /// The last entry returned on the previous page.
    var marker: String
    /// Whether `marker` is a common prefix rather than a key.
    var isCommonPrefix: Bool

    func encoded() -> String {
        let text = (isCommonPrefix ? "P" : "K") + "1:" + marker
        return Data(text.utf8).base64EncodedString()
    }

    init(marker: String, isCommonPrefix: Bool) {
        self.marker = marker
        self.isCommonPrefix = isCommonPrefix
    }

    init(decoding token: String) throws(GlueError) {
        let invalid = GlueError(.invalidArgument, "The continuation token provided is incorrect")
        guard let data = Data(base64Encoded: token), let text = String(data: data, encoding: .utf8) else { throw invalid }
        if text.hasPrefix("K1:") {
            isCommonPrefix = false
        } else if text.hasPrefix("P1:") {
            isCommonPrefix = true
        } else {
            throw invalid
        }
        marker = String(text.utf8.dropFirst(3)) ?? ""
        guard !marker.isEmpty else { throw invalid }
    }
}
