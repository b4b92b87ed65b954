import GlueCore
import GlueStorage

extension DynamicFrame {
    /// A frame over objects of a store, outside any job run: no role, no bookmark (the store's
    /// own rules apply). For tests and exploration: reading what a job wrote, say.
    ///
    /// - Parameters:
    ///   - paths: `s3://bucket/prefix` paths (every object under each, recursively when `recurse`).
    ///   - format: `csv`, `json` or `parquet`, with Glue's `formatOptions`.
    /// - Throws: the store's `NoSuchBucket`, the format's errors when the schema is read.
    public static func read(
        from store: any ObjectStore, paths: [String], format: String, formatOptions: [String: GlueOption] = [:], recurse: Bool = true
    ) throws(GlueError) -> DynamicFrame {
        let objects = try S3ObjectListing.objects(in: store, paths: paths, recurse: recurse)
        let runtime = FrameRuntime.standalone()
        let plan = try S3SourcePlan.make(
            format: format, formatOptions: formatOptions.mapValues(\.text), objects: objects, store: store, name: "S3Source", runtime: runtime)
        return DynamicFrame(plan: plan, runtime: runtime)
    }
}
