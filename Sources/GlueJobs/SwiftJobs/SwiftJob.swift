import GlueCore

/// A job written in Swift: a name and the body a run executes, in the style of a Glue script.
///
/// A job definition runs it when its `Command.ScriptLocation` is `swift:NAME` and the process
/// that runs the job has it in its ``SwiftJobRegistry`` (see README, "Jobs written in Swift").
///
/// ```swift
/// let ordersJob = SwiftJob("orders-daily") { glueContext in
///     let args = try getResolvedOptions(glueContext.arguments, ["JOB_NAME", "input", "output"])
///     let job = try Job(glueContext, name: args["JOB_NAME"], arguments: args)
///     let orders = try glueContext.createDynamicFrame(
///         connectionOptions: ["paths": [args["input"] ?? ""]], format: "csv",
///         formatOptions: ["withHeader": true], transformationContext: "orders")
///     try glueContext.writeDynamicFrame(
///         try orders.filter { $0["status"] == .string("SHIPPED") }, connectionOptions: ["path": .text(args["output"] ?? "")],
///         format: "parquet", transformationContext: "shipped")
///     job.commit()
/// }
/// ```
public struct SwiftJob: Sendable {
    /// The body of a job: runs on a worker thread, may block, throws to fail the run.
    public typealias Body = @Sendable (GlueContext) throws -> Void

    /// The scheme of `Command.ScriptLocation` for Swift jobs: `swift:NAME`.
    public static let scriptScheme = "swift:"

    /// The job's name in `swift:NAME` (not necessarily the Glue job's name: several job
    /// definitions may run one Swift job with different arguments).
    public let name: String
    /// What a run executes.
    public let body: Body

    /// Creates a job.
    public init(_ name: String, body: @escaping Body) {
        self.name = name
        self.body = body
    }

    /// `swift:NAME`, the `Command.ScriptLocation` that runs this job.
    public var scriptLocation: String { Self.scriptScheme + name }

    /// The Swift job name of a script location (`swift:NAME`), or `nil` for another script.
    public static func name(fromScriptLocation location: String?) -> String? {
        guard let location, location.hasPrefix(scriptScheme) else { return nil }
        let name = location.dropFirst(scriptScheme.count).drop { $0 == "/" }
        return name.isEmpty ? nil : String(name)
    }
}
