import GlueColumnar
import GlueCore
import GlueTransforms
import Testing

/// People with nulls, an empty string, non-ASCII text and a nested struct.
func people() throws -> RecordBatch {
    let address = Column(
        .struct([Field("city", .string), Field("zip", .string)]),
        storage: .structure([Column(strings: ["Zürich", "Berlin", nil, "東京"]), Column(strings: ["8001", nil, nil, "100-0001"])]),
        validity: ValidityBitmap([true, true, false, true]))
    return try RecordBatch([
        "id": Column(int64: [1, 2, 3, 4]),
        "name": Column(strings: ["Zoë", nil, "", "Ada"]),
        "age": Column(int32: [34, 17, nil, 61]),
        "address": address,
    ])
}

/// Expects the pretty-printed batch to equal the expected table.
func expectTable(_ batch: RecordBatch, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(batch.prettyPrinted() == expected, sourceLocation: sourceLocation)
}

/// The pretty-printed rows sorted, for transforms whose output order Glue leaves open.
func sortedTable(_ batch: RecordBatch) -> String {
    let lines = batch.prettyPrinted().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.count > 4 else { return lines.joined(separator: "\n") }
    let body = lines[3..<(lines.count - 1)].sorted()
    return (Array(lines[0..<3]) + body + [lines[lines.count - 1]]).joined(separator: "\n")
}
