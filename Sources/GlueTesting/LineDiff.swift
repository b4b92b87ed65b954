/// A unified-style diff of two texts, line by line (longest common subsequence; test-sized texts).
enum LineDiff {
    /// Lines of both texts: `  ` common, `- ` only expected, `+ ` only actual.
    static func render(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Texts beyond a few thousand lines are shown whole rather than diffed.
        guard old.count * new.count <= 4_000_000 else {
            return "--- expected\n" + expected + "\n+++ actual\n" + actual
        }
        var lengths = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for oldIndex in stride(from: old.count - 1, through: 0, by: -1) {
            for newIndex in stride(from: new.count - 1, through: 0, by: -1) {
                lengths[oldIndex][newIndex] = old[oldIndex] == new[newIndex]
                    ? lengths[oldIndex + 1][newIndex + 1] + 1
                    : max(lengths[oldIndex + 1][newIndex], lengths[oldIndex][newIndex + 1])
            }
        }
        var lines = ["--- expected", "+++ actual"]
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < old.count || newIndex < new.count {
            if oldIndex < old.count, newIndex < new.count, old[oldIndex] == new[newIndex] {
                lines.append("  " + old[oldIndex])
                oldIndex += 1
                newIndex += 1
            } else if newIndex < new.count, oldIndex == old.count || lengths[oldIndex][newIndex + 1] >= lengths[oldIndex + 1][newIndex] {
                lines.append("+ " + new[newIndex])
                newIndex += 1
            } else {
                lines.append("- " + old[oldIndex])
                oldIndex += 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
