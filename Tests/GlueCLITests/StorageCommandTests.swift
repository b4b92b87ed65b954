import Foundation
import Testing
@testable import GlueCLI

/// `s3`, `s3api` and `kms` end to end through the command tree, in-process.
@Suite struct StorageCommandTests {
    @Test("s3api: bucket, put, head, get with a range, list, copy, delete, policy")
    func s3api() async throws {
        try await withTemporaryDirectory { folder in
            let lake = ["--lake", folder.appendingPathComponent("lake").path]
            let body = folder.appendingPathComponent("body.csv")
            try Data("id,name\n1,a\n2,b\n".utf8).write(to: body)
            #expect(await runLocalGlue(["s3api", "create-bucket", "--bucket", "raw-data"] + lake).exitCode == 0)
            let put = await runLocalGlue(
                ["s3api", "put-object", "--bucket", "raw-data", "--key", "in/a.csv", "--body", body.path, "--content-type", "text/csv", "--metadata", "owner=me"] + lake)
            #expect(put.exitCode == 0, "\(put.error)")
            #expect(put.output.contains(#""ETag": "\"7b33f7a41e1fb0a2b6d5bc0a2b5ef2f1\"""#) || put.output.contains("ETag"))
            let head = await runLocalGlue(["s3api", "head-object", "--bucket", "raw-data", "--key", "in/a.csv"] + lake)
            #expect(head.output.contains(#""ContentLength": 16"#))
            #expect(head.output.contains(#""ContentType": "text/csv""#))
            #expect(head.output.contains(#""owner": "me""#))
            let out = folder.appendingPathComponent("out.txt")
            let get = await runLocalGlue(["s3api", "get-object", "--bucket", "raw-data", "--key", "in/a.csv", "--range", "bytes=0-6", out.path] + lake)
            #expect(get.exitCode == 0, "\(get.error)")
            #expect(try String(contentsOf: out, encoding: .utf8) == "id,name")
            #expect(get.output.contains(#""ContentRange": "bytes 0-6/16""#))
            let list = await runLocalGlue(["s3api", "list-objects-v2", "--bucket", "raw-data", "--delimiter", "/"] + lake)
            #expect(list.output.contains(#""Prefix": "in/""#))
            #expect(await runLocalGlue(["s3api", "copy-object", "--copy-source", "raw-data/in/a.csv", "--bucket", "raw-data", "--key", "b.csv"] + lake).exitCode == 0)
            let missing = await runLocalGlue(["s3api", "head-object", "--bucket", "raw-data", "--key", "nope"] + lake)
            #expect(missing.exitCode == 254)
            #expect(missing.error.contains("An error occurred (NoSuchKey) when calling the HeadObject operation"))
            let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::raw-data/*"}]}"#
            #expect(await runLocalGlue(["s3api", "put-bucket-policy", "--bucket", "raw-data", "--policy", policy] + lake).exitCode == 0)
            let denied = await runLocalGlue(["s3api", "delete-object", "--bucket", "raw-data", "--key", "b.csv"] + lake)
            #expect(denied.exitCode == 254)
            #expect(denied.error.contains("(AccessDenied) when calling the DeleteObject operation"), "\(denied.error)")
            #expect(denied.error.contains("with an explicit deny in a resource-based policy"))
            let bad = await runLocalGlue(["s3api", "put-bucket-policy", "--bucket", "raw-data", "--policy", "{"] + lake)
            #expect(bad.error.contains("MalformedPolicy"))
            #expect(await runLocalGlue(["s3api", "delete-bucket-policy", "--bucket", "raw-data"] + lake).exitCode == 0)
            #expect(await runLocalGlue(["s3api", "delete-object", "--bucket", "raw-data", "--key", "b.csv"] + lake).exitCode == 0)
            let buckets = await runLocalGlue(["s3api", "list-buckets"] + lake)
            #expect(buckets.output.contains(#""Name": "raw-data""#))
        }
    }

    @Test("s3: mb, cp up and down, ls, sync, mv, rm, rb; mounted folders")
    func s3() async throws {
        try await withTemporaryDirectory { folder in
            let lake = ["--lake", folder.appendingPathComponent("lake").path]
            let local = folder.appendingPathComponent("local")
            try FileManager.default.createDirectory(at: local.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try Data("one".utf8).write(to: local.appendingPathComponent("one.txt"))
            try Data("two!".utf8).write(to: local.appendingPathComponent("sub/two.txt"))
            #expect(await runLocalGlue(["s3", "mb", "s3://work-bucket"] + lake).output == "make_bucket: work-bucket\n")
            let upload = await runLocalGlue(["s3", "cp", local.path, "s3://work-bucket/in/", "--recursive"] + lake)
            #expect(upload.exitCode == 0, "\(upload.error)")
            #expect(upload.output.contains("upload: "))
            let ls = await runLocalGlue(["s3", "ls", "s3://work-bucket/in/"] + lake)
            #expect(ls.output.contains("PRE sub/"))
            #expect(ls.output.contains("          3 one.txt"))
            let synced = await runLocalGlue(["s3", "sync", local.path, "s3://work-bucket/in/"] + lake)
            #expect(synced.output.isEmpty)
            let down = folder.appendingPathComponent("down")
            #expect(await runLocalGlue(["s3", "cp", "s3://work-bucket/in/", down.path, "--recursive"] + lake).exitCode == 0)
            #expect(try String(contentsOf: down.appendingPathComponent("sub/two.txt"), encoding: .utf8) == "two!")
            #expect(await runLocalGlue(["s3", "mv", "s3://work-bucket/in/one.txt", "s3://work-bucket/moved.txt"] + lake).exitCode == 0)
            let all = await runLocalGlue(["s3", "ls", "s3://work-bucket", "--recursive"] + lake)
            #expect(all.output.contains("moved.txt") && !all.output.contains("in/one.txt"))
            // The bucket is a plain folder.
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lake/buckets/work-bucket/in/sub/two.txt").path))
            #expect(await runLocalGlue(["s3", "rb", "s3://work-bucket"] + lake).exitCode == 254)
            #expect(await runLocalGlue(["s3", "rm", "s3://work-bucket/in/", "--recursive"] + lake).exitCode == 0)
            #expect(await runLocalGlue(["s3", "rb", "s3://work-bucket", "--force"] + lake).exitCode == 0)

            // Mount an existing folder: its files are objects.
            #expect(await runLocalGlue(["s3", "mb", "s3://mounted-bucket", "--path", local.path] + lake).exitCode == 0)
            let mounted = await runLocalGlue(["s3api", "list-objects-v2", "--bucket", "mounted-bucket"] + lake)
            #expect(mounted.output.contains(#""Key": "sub/two.txt""#))
            #expect(mounted.output.contains(#""ETag": "\"#))
            let cross = await runLocalGlue(["s3", "mb", "s3://partner-bucket", "--account-id", "444455556666"] + lake)
            #expect(cross.exitCode == 0)
            let crossList = await runLocalGlue(["s3", "ls", "s3://partner-bucket"] + lake)
            #expect(crossList.exitCode == 254)
            #expect(crossList.error.contains("(AccessDenied)"))
        }
    }

    @Test("kms: create, describe, list, key policy; SSE-KMS objects")
    func kms() async throws {
        try await withTemporaryDirectory { folder in
            let lake = ["--lake", folder.appendingPathComponent("lake").path]
            let created = await runLocalGlue(["kms", "create-key", "--description", "lake key"] + lake)
            #expect(created.exitCode == 0, "\(created.error)")
            let json = try JSONSerialization.jsonObject(with: Data(created.output.utf8)) as? [String: Any]
            let metadata = try #require(json?["KeyMetadata"] as? [String: Any])
            let arn = try #require(metadata["Arn"] as? String)
            let keyID = try #require(metadata["KeyId"] as? String)
            #expect(arn == "arn:aws:kms:us-east-1:123456789012:key/\(keyID)")
            #expect(await runLocalGlue(["kms", "describe-key", "--key-id", arn] + lake).output.contains(#""Description": "lake key""#))
            #expect(await runLocalGlue(["kms", "list-keys"] + lake).output.contains(keyID))
            #expect(await runLocalGlue(["kms", "get-key-policy", "--key-id", keyID] + lake).output.contains("Enable IAM User Permissions"))
            let bad = await runLocalGlue(["kms", "put-key-policy", "--key-id", keyID, "--policy", "nope"] + lake)
            #expect(bad.error.contains("MalformedPolicyDocumentException"))
            let missing = await runLocalGlue(["kms", "describe-key", "--key-id", "00000000-0000-0000-0000-000000000000"] + lake)
            #expect(missing.error.contains("(NotFoundException)"))
            #expect(await runLocalGlue(["s3", "mb", "s3://secure-bucket"] + lake).exitCode == 0)
            let put = await runLocalGlue(
                ["s3api", "put-object", "--bucket", "secure-bucket", "--key", "k", "--server-side-encryption", "aws:kms", "--ssekms-key-id", keyID] + lake)
            #expect(put.output.contains(#""SSEKMSKeyId": "\#(arn)""#), "\(put.output) \(put.error)")
            // A key policy that names nobody in this account: even the administrator cannot decrypt.
            let closed = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}]}"#
            #expect(await runLocalGlue(["kms", "put-key-policy", "--key-id", keyID, "--policy", closed] + lake).exitCode == 0)
            let read = await runLocalGlue(["s3api", "get-object", "--bucket", "secure-bucket", "--key", "k", folder.appendingPathComponent("k").path] + lake)
            #expect(read.exitCode == 254)
            #expect(read.error.contains("kms:Decrypt"), "\(read.error)")
        }
    }
}
