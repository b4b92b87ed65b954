import Foundation
import GlueJobs
import Testing

@Suite struct OutputLayoutTests {
    @Test("Partition values are escaped as Spark escapes path names", arguments: [
        ("DE", "DE"), ("a/b", "a%2Fb"), ("x=y", "x%3Dy"), ("50%", "50%25"), ("tab\there", "tab%09here"),
        ("Zoë", "Zoë"), ("2024-10-28 10:00:00", "2024-10-28 10%3A00%3A00"), ("", "__HIVE_DEFAULT_PARTITION__"),
    ])
    func escaping(value: String, expected: String) {
        #expect(OutputLayout.escapePartitionValue(value) == expected)
    }

    @Test("Folders and file names follow Glue's writers")
    func names() {
        #expect(OutputLayout.escapePartitionValue(nil) == "__HIVE_DEFAULT_PARTITION__")
        #expect(OutputLayout.partitionFolder(keys: ["country", "day"], values: ["DE", nil]) == "country=DE/day=__HIVE_DEFAULT_PARTITION__/")
        #expect(OutputLayout.partitionFolder(keys: [], values: []) == "")
        #expect(OutputLayout.dynamicFrameFileName(runStartMillis: 1_732_270_000_000, part: 3, gzip: true) == "run-1732270000000-part-r-00003.gz")
        #expect(OutputLayout.glueParquetFileName(runStartMillis: 1, part: 0, codec: "snappy") == "run-1-part-block-0-r-00000-snappy.parquet")
        let uuid = UUID(uuidString: "4A878ED5-FA12-4E43-A164-1650976BE336") ?? UUID()
        #expect(OutputLayout.sparkFileName(part: 0, jobUUID: uuid, codec: "snappy", extension: "parquet") == "part-00000-4a878ed5-fa12-4e43-a164-1650976be336-c000.snappy.parquet")
    }
}
