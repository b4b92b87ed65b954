/// What `localglue export` writes a job for.
public enum ExportTarget: String, Sendable, CaseIterable {
    /// AWS Glue: the Glue ETL script (`awsglue`, Glue Studio's style), the CreateJob JSON, and
    /// the job role as `aws iam` commands and a CloudFormation snippet.
    case glue
    /// Any Spark 3.x or 4.x cluster: a plain PySpark script (DataFrame API only).
    case pyspark
}

/// One file an export writes: a name (relative to the output folder) and its text.
public struct ExportedFile: Sendable, Equatable {
    /// The file name, e.g. `orders.py`.
    public var name: String
    /// The file's contents.
    public var contents: String

    /// Creates a file.
    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }
}
