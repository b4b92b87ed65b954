import ArgumentParser

/// `localglue s3api ...`: the S3 API, one command per action, every call authorized.
struct S3APIService: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "s3api",
        abstract: "The Amazon S3 API on the lake's buckets (each a folder), authorized like S3.",
        subcommands: [
            CreateBucket.self, DeleteBucket.self, ListBuckets.self, PutBucketPolicy.self, GetBucketPolicy.self, DeleteBucketPolicy.self,
            PutObject.self, GetObject.self, HeadObject.self, DeleteObject.self, DeleteObjects.self, CopyObject.self, ListObjectsV2.self,
        ])
}
