import Foundation
import GlueCatalog
import GlueCore
import Testing

@Suite struct CatalogJSONTests {
    @Test("Timestamps print as AWS CLI v2 prints them and parse back")
    func timestamps() throws {
        #expect(CatalogJSON.formatTimestamp(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00+00:00")
        #expect(CatalogJSON.formatTimestamp(Date(timeIntervalSince1970: 1_700_000_000)) == "2023-11-14T22:13:20+00:00")
        #expect(CatalogJSON.formatTimestamp(Date(timeIntervalSince1970: 1_700_000_000.25)) == "2023-11-14T22:13:20.250000+00:00")
        #expect(CatalogJSON.parseTimestamp("2023-11-14T22:13:20+00:00") == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(CatalogJSON.parseTimestamp("2023-11-14T23:13:20+01:00") == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(CatalogJSON.parseTimestamp("2023-11-14T22:13:20Z") == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(CatalogJSON.parseTimestamp("2023-11-14") == Date(timeIntervalSince1970: 1_699_920_000))
        #expect(CatalogJSON.parseTimestamp("2023-13-14") == nil)
        #expect(CatalogJSON.parseTimestamp("yesterday") == nil)
    }

    @Test("Shapes decode from AWS JSON with epoch-second timestamps and encode with PascalCase keys")
    func shapes() throws {
        let json = """
            {"Name": "Orders", "LastAccessTime": 1700000000, "PartitionKeys": [{"Name": "year", "Type": "string"}],
             "StorageDescriptor": {"Columns": [{"Name": "id", "Type": "bigint"}], "SerdeInfo": {"SerializationLibrary": "x"},
                                   "SortColumns": [{"Column": "id", "SortOrder": 1}]}}
            """
        let input = try CatalogJSON.decode(TableInput.self, from: Data(json.utf8))
        #expect(input.name == "Orders")
        #expect(input.lastAccessTime == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(input.storageDescriptor?.serdeInfo?.serializationLibrary == "x")
        let text = String(decoding: try CatalogJSON.encode(input), as: UTF8.self)
        #expect(text.contains("\"SerdeInfo\":{\"SerializationLibrary\":\"x\"}"))
        #expect(text.contains("\"LastAccessTime\":\"2023-11-14T22:13:20+00:00\""))
        do {
            _ = try CatalogJSON.decode(TableInput.self, from: Data(#"{"StorageDescriptor": {}}"#.utf8), what: "TableInput")
            Issue.record("expected a missing Name to fail")
        } catch {
            #expect(error.code == .invalidInput)
            #expect(error.message.contains("Name"))
        }
    }
}
