import GlueCore

/// The request context with keys folded to lower case, built once per request.
///
/// Condition key names are case-insensitive (including the tag part of `aws:PrincipalTag/Team`);
/// values are kept as given. A key whose value list is empty counts as absent.
struct RequestContext: Sendable, Hashable {
    private(set) var values: [String: [String]]

    init(_ context: [String: [String]]) {
        var folded: [String: [String]] = [:]
        folded.reserveCapacity(context.count)
        for (key, value) in context where !value.isEmpty {
            let lowered = key.lowercased()
            if let existing = folded[lowered] {
                folded[lowered] = existing + value
            } else {
                folded[lowered] = value
            }
        }
        values = folded
    }

    /// The values of a key given in lower case; `nil` when absent or empty.
    @inline(__always)
    func values(forLowercasedKey key: String) -> [String]? {
        values.isEmpty ? nil : values[key]
    }

    /// The value of a single-valued key (a policy variable's value); `nil` when absent or multivalued.
    func singleValue(forLowercasedKey key: String) -> String? {
        guard let list = values(forLowercasedKey: key), list.count == 1 else { return nil }
        return list[0]
    }
}
