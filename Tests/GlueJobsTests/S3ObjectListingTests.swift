import GlueCore
@testable import GlueJobs
import GlueStorage
import Testing

@Suite struct S3ObjectListingTests {
    func store() throws -> InMemoryObjectStore {
        let store = InMemoryObjectStore()
        try store.createBucket("raw")
        for key in [
            "orders/2024/a.csv", "orders/2024/b.csv", "orders/c.csv", "orders/_SUCCESS", "orders/.c.csv.crc",
            "orders/_temporary/0/x.csv", "orders/2024/notes.txt", "ordersextra/d.csv",
        ] {
            try store.putObject(bucket: "raw", key: key, bytes: Array(key.utf8))
        }
        return store
    }

    @Test("A prefix lists every visible object below it, skipping Hadoop's hidden files")
    func recursive() throws {
        let keys = try S3ObjectListing.objects(in: store(), paths: ["s3://raw/orders"]).map(\.key)
        #expect(keys == ["orders/2024/a.csv", "orders/2024/b.csv", "orders/2024/notes.txt", "orders/c.csv"])
    }

    @Test("Without recurse only the folder's own objects are read")
    func flat() throws {
        let keys = try S3ObjectListing.objects(in: store(), paths: ["s3://raw/orders/"], recurse: false).map(\.key)
        #expect(keys == ["orders/c.csv"])
    }

    @Test("A path naming an object reads just that object; duplicates are read once")
    func singleObject() throws {
        let objects = try S3ObjectListing.objects(in: store(), paths: ["s3://raw/orders/c.csv", "s3://raw/orders/"])
        #expect(objects.first?.key == "orders/c.csv")
        #expect(objects.count == 4)
        #expect(objects.first?.size == Int64("orders/c.csv".utf8.count))
    }

    @Test("Exclusion globs: * stays in a folder, ** crosses folders, {a,b} alternatives")
    func exclusions() throws {
        let store = try store()
        #expect(try S3ObjectListing.objects(in: store, paths: ["s3://raw/orders/"], exclusions: ["**.txt"]).map(\.key)
            == ["orders/2024/a.csv", "orders/2024/b.csv", "orders/c.csv"])
        #expect(try S3ObjectListing.objects(in: store, paths: ["s3://raw/orders/"], exclusions: ["orders/*.csv"]).map(\.key)
            == ["orders/2024/a.csv", "orders/2024/b.csv", "orders/2024/notes.txt"])
        #expect(try S3ObjectListing.objects(in: store, paths: ["s3://raw/orders/"], exclusions: ["orders/2024/{a,b}.csv"]).map(\.key)
            == ["orders/2024/notes.txt", "orders/c.csv"])
        #expect(GlobPattern("a?c").matches("abc") && !GlobPattern("a?c").matches("a/c"))
    }

    @Test("A missing bucket is NoSuchBucket; a bad path is InvalidInputException")
    func errors() throws {
        let store = try store()
        #expect(throws: GlueError.self) { try S3ObjectListing.objects(in: store, paths: ["s3://nope/x/"]) }
        #expect(throws: GlueError.self) { try S3ObjectListing.objects(in: store, paths: ["/tmp/x"]) }
    }
}
