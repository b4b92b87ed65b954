import Foundation
import GlueColumnar
import GlueCore
import Testing

@testable import GlueParquet

/// Mutated and truncated files must give a clean `GlueError` (or decode), never crash or hang.
@Suite("Parquet fuzzing")
struct FuzzTests {
    /// A small deterministic generator (SplitMix64), so every run mutates the same way.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    static func seedFiles() throws -> [(String, [UInt8])] {
        let batch = SampleBatches.batch(start: 0, count: 90)
        var files: [(String, [UInt8])] = []
        for (name, codec, dictionary) in [("snappy-dict", CompressionCodec.snappy, true), ("plain-uncompressed", .uncompressed, false), ("zstd", .zstd, true), ("gzip", .gzip, true)] {
            var options = ParquetWriterOptions()
            options.compression = codec
            options.isDictionaryEnabled = dictionary
            options.rowGroupRowCount = 40
            options.dataPageRowCount = 16
            files.append((name, try ParquetWriter.write([batch], schema: batch.schema, options: options)))
        }
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("SampleData/parquet")
        for file in (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path))?.sorted() ?? [] where file.hasSuffix(".parquet") {
            files.append((file, Array(try Data(contentsOf: fixtures.appendingPathComponent(file)))))
        }
        return files
    }

    /// Reads everything; returns whether it decoded (a thrown GlueError is a clean failure).
    static func readAll(_ bytes: [UInt8], name: String) -> Bool {
        do {
            let reader = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: name)
            _ = try reader.read(parallelism: 1)
            return true
        } catch {
            return false
        }
    }

    @Test("Every truncation of each file is a clean error")
    func truncations() throws {
        for (name, bytes) in try Self.seedFiles() {
            #expect(Self.readAll(bytes, name: name), "\(name) must read before it is truncated")
            var cut = 0
            while cut < bytes.count {
                let failedCleanly = !Self.readAll(Array(bytes[0..<cut]), name: name)
                #expect(failedCleanly, "\(name) truncated to \(cut) bytes still read")
                cut += max(1, bytes.count / 150)
            }
        }
    }

    @Test("Random byte mutations never crash (deterministic seeds)", arguments: [1, 2, 3, 4])
    func mutations(seed: UInt64) throws {
        var random = SplitMix64(state: seed)
        var decoded = 0
        var failed = 0
        for (name, bytes) in try Self.seedFiles() {
            for _ in 0..<150 {
                var mutated = bytes
                let edits = 1 + random.below(6)
                for _ in 0..<edits {
                    // Bias half of the edits towards the footer and page headers' neighbourhood.
                    let position = random.below(2) == 0 ? max(0, mutated.count - 1 - random.below(min(400, mutated.count))) : random.below(mutated.count)
                    switch random.below(4) {
                    case 0: mutated[position] ^= UInt8(1 << random.below(8))
                    case 1: mutated[position] = UInt8(truncatingIfNeeded: random.next())
                    case 2: mutated[position] = [0x00, 0xFF, 0x7F, 0x80][random.below(4)]
                    default:
                        let end = min(mutated.count, position + 1 + random.below(8))
                        for index in position..<end { mutated[index] = UInt8(truncatingIfNeeded: random.next()) }
                    }
                }
                if Self.readAll(mutated, name: name) { decoded += 1 } else { failed += 1 }
            }
        }
        #expect(decoded + failed > 0)
    }

    @Test("Corrupt files name the file and the problem")
    func messages() throws {
        let (_, bytes) = try Self.seedFiles()[0]
        let truncated = Array(bytes[0..<(bytes.count / 2)])
        let error = #expect(throws: GlueError.self) {
            _ = try ParquetFileReader(source: InMemoryParquetSource(truncated), name: "s3://bucket/part-0.parquet").read()
        }
        #expect(error?.code == .invalidData)
        #expect(error?.message.contains("s3://bucket/part-0.parquet") == true)
        #expect(error?.message.contains("PAR1") == true)
        // A page body cut short inside the file: overwrite the middle of the data with zeros.
        var damaged = bytes
        for index in 200..<400 { damaged[index] = 0 }
        let pageError = #expect(throws: GlueError.self) {
            _ = try ParquetFileReader(source: InMemoryParquetSource(damaged), name: "damaged.parquet").read()
        }
        #expect(pageError?.message.contains("damaged.parquet") == true)
        #expect(pageError?.message.contains("column") == true)
    }

    @Test("Nested schemas are rejected naming the column")
    func nested() throws {
        var root = SchemaElement(name: "schema")
        root.numChildren = 1
        var group = SchemaElement(name: "address")
        group.numChildren = 1
        group.repetitionType = .optional
        var leaf = SchemaElement(name: "city")
        leaf.type = .byteArray
        leaf.repetitionType = .optional
        let metadata = FileMetaData(version: 1, schema: [root, group, leaf], numRows: 0, rowGroups: [])
        let footer = metadata.thriftBytes()
        var bytes = Array("PAR1".utf8) + footer
        withUnsafeBytes(of: UInt32(footer.count).littleEndian) { bytes += $0 }
        bytes += Array("PAR1".utf8)
        let error = #expect(throws: GlueError.self) { _ = try ParquetFileReader(source: InMemoryParquetSource(bytes), name: "nested.parquet") }
        #expect(error?.code == .unsupportedFeature)
        #expect(error?.message.contains("address") == true && error?.message.contains("not supported yet") == true)
    }
}
