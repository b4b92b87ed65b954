import GlueColumnar
import GlueCore
import Testing

import GlueTransforms

@Suite("RowGroups")
struct RowGroupsTests {
    @Test("groups rows by several key columns in order of first appearance, nulls as one group")
    func groupsByKeys() {
        let country = Column(strings: ["DE", "FR", "DE", nil, "Ελλάδα", nil, "FR", "DE"])
        let year = Column(int32: [2024, 2024, 2024, 2025, 2024, 2025, 2025, 2024])
        let groups = RowGroups([country, year], rowCount: 8)
        #expect(groups.rows == [[0, 2, 7], [1], [3, 5], [4], [6]])
    }

    @Test("minus zero and zero are one group; an empty batch has none; no keys is one group")
    func edges() {
        let groups = RowGroups([Column(float64: [0.0, -0.0, 1.5, nil])], rowCount: 4)
        #expect(groups.rows == [[0, 1], [2], [3]])
        #expect(RowGroups([Column(int64: [])], rowCount: 0).count == 0)
        #expect(RowGroups([], rowCount: 3).rows == [[0, 1, 2]])
    }
}
