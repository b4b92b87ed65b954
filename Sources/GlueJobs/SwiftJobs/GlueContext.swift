import Foundation
import GlueCatalog
import GlueColumnar
import GlueCore
import GlueCSV
import GlueExecution
import GlueJSON
import GlueStorage
import GlueTransforms
import Synchronization

/// A Swift job's way into the run that executes it. Mirrors awsglue's `GlueContext`: sources
/// (``createDynamicFrame(fromOptions:connectionOptions:format:formatOptions:transformationContext:)``),
/// sinks (``writeDynamicFrame(_:fromOptions:connectionOptions:format:formatOptions:transformationContext:)``)
/// and the run's arguments.
///
/// A context exists only inside a run started by ``JobRunner``: every object it reads or writes
/// goes through the run's policy-enforcing store as the job's role
/// (`assumed-role/ROLE/GlueJobRunnerSession`); writes are staged and published only when the
/// whole run succeeds; S3 sources with a `transformationContext` are filtered by the job bookmark.
public final class GlueContext: Sendable {
    /// The resolved arguments of the run (`--JOB_NAME`, `--JOB_RUN_ID`, the job's and the run's).
    public let arguments: JobArguments
    /// The job's name.
    public let jobName: String
    /// The run's ID.
    public let jobRunID: String
    /// When the run started (bookmarks and output names use it).
    public let runStart: Date

    let store: any ObjectStore
    let outputs: RunOutputs
    let bookmarks: BookmarkSession
    let runtime: FrameRuntime
    /// The Data Catalog as the run's principal sees it, when the lake has one.
    let catalogProvider: LazyCatalog?
    let state = Mutex(State())

    struct State {
        var committed = false
        var contexts: Set<String> = []
    }

    init(
        request: JobExecutionRequest, store: any ObjectStore, outputs: RunOutputs, control: RunControl, parallelism: Int,
        catalog: LazyCatalog?, joinMemoryBudget: Int? = nil
    ) {
        self.catalogProvider = catalog
        self.arguments = request.arguments
        self.jobName = request.job.name
        self.jobRunID = request.runID
        self.runStart = request.runStart
        self.store = store
        self.outputs = outputs
        self.bookmarks = request.bookmarks
        self.runtime = FrameRuntime(parallelism: parallelism, control: control, joinMemoryBudget: joinMemoryBudget)
    }

    var runStartMillis: Int64 { Int64((runStart.timeIntervalSince1970 * 1_000).rounded()) }

    /// Whether ``Job/commit()`` was called.
    var isCommitted: Bool { state.withLock { $0.committed } }

    /// Reserves a transformation context; two sources or sinks with one context would share
    /// bookmark state.
    func claim(_ context: String?) throws(GlueError) {
        guard let context else { return }
        let isNew = state.withLock { $0.contexts.insert(context).inserted }
        guard isNew else {
            throw GlueError(.invalidInput, "transformationContext \"\(context)\" is used twice in this job; each source and sink needs its own.")
        }
    }

    // MARK: - Sources

    /// Reads objects from S3 as a frame. Mirrors
    /// `create_dynamic_frame.from_options(connection_type, connection_options, format, format_options, transformation_ctx)`.
    ///
    /// - Parameters:
    ///   - connectionType: `"s3"` (the only one LocalGlue reads).
    ///   - connectionOptions: `paths` (required), `exclusions` (globs), `recurse` (default false),
    ///     `maxBand` (ms, bookmarks).
    ///   - format: `csv`, `json` or `parquet`.
    ///   - formatOptions: Glue's options of the format: csv `separator`, `quoteChar`, `escaper`,
    ///     `withHeader`, `skipFirst`, `multiLine`; json `jsonPath`, `multiLine`.
    ///   - transformationContext: the bookmark key; without one the source reads every object.
    /// - Throws: `InvalidInputException` for a bad option, the store's `AccessDenied` and
    ///   `NoSuchBucket`, the format's `InvalidDataException` when a schema must be read.
    public func createDynamicFrame(
        fromOptions connectionType: String = "s3", connectionOptions: [String: GlueOption], format: String,
        formatOptions: [String: GlueOption] = [:], transformationContext: String? = nil
    ) throws(GlueError) -> DynamicFrame {
        guard connectionType == "s3" else {
            throw GlueError(.unsupportedFeature, "connection_type \"\(connectionType)\" is not available locally; use \"s3\".")
        }
        guard let paths = connectionOptions["paths"]?.list, !paths.isEmpty else {
            throw GlueError(.invalidInput, "connection_options must have \"paths\" (a list of s3:// paths).")
        }
        try claim(transformationContext)
        let recurse = connectionOptions["recurse"].map { $0.text.lowercased() == "true" } ?? false
        let exclusions = try Self.exclusions(connectionOptions["exclusions"])
        var bandMillis = S3BookmarkState.defaultBandMillis
        if let band = connectionOptions["maxBand"]?.text {
            guard let value = Int64(band), value >= 0 else { throw GlueError(.invalidInput, "maxBand must be a number of milliseconds, not \"\(band)\".") }
            bandMillis = value
        }
        let listed = try S3ObjectListing.objects(in: store, paths: paths, recurse: recurse, exclusions: exclusions)
        let objects = bookmarks.select(listed, context: transformationContext, runStart: runStart, bandMillis: bandMillis)
        let name = transformationContext ?? "S3Source"
        let options = formatOptions.mapValues(\.text)
        return DynamicFrame(plan: try S3SourcePlan.make(format: format, formatOptions: options, objects: objects, store: store, name: name, runtime: runtime), runtime: runtime)
    }

    /// `exclusions` as Glue takes it: a JSON list of globs in a string, or a list.
    static func exclusions(_ option: GlueOption?) throws(GlueError) -> [String] {
        switch option {
        case nil: return []
        case .list(let items)?: return items
        case .text(let text)?:
            guard let data = text.data(using: .utf8), let items = try? JSONDecoder().decode([String].self, from: data) else {
                throw GlueError(.invalidInput, "exclusions must be a JSON list of globs, such as \"[\\\"**.tmp\\\"]\".")
            }
            return items
        }
    }

    // MARK: - Sinks

    /// Writes a frame to S3. Mirrors `write_dynamic_frame.from_options(frame, connection_type,
    /// connection_options, format, format_options, transformation_ctx)`: runs the frame's plan
    /// now and stages the files, which become visible when the run succeeds.
    ///
    /// - Parameters:
    ///   - connectionOptions: `path` (required), `partitionKeys` (Hive-style `key=value/` folders).
    ///   - format: `csv`, `json`, `parquet` (Spark's file names) or `glueparquet` (Glue's writer).
    ///   - formatOptions: `compression` (parquet: `snappy` default, `gzip`, `zstd`, `lz4`,
    ///     `uncompressed`; csv and json: `gzip`), csv `separator`, `quoteChar`, `writeHeader`.
    /// - Throws: `InvalidInputException` for a bad option or partition key, the store's
    ///   `AccessDenied` (when the files are staged), the errors of the frame's plan.
    public func writeDynamicFrame(
        _ frame: DynamicFrame, fromOptions connectionType: String = "s3", connectionOptions: [String: GlueOption], format: String,
        formatOptions: [String: GlueOption] = [:], transformationContext: String? = nil
    ) throws(GlueError) {
        guard connectionType == "s3" else {
            throw GlueError(.unsupportedFeature, "connection_type \"\(connectionType)\" is not available locally; use \"s3\".")
        }
        guard let path = connectionOptions["path"]?.text else {
            throw GlueError(.invalidInput, "connection_options must have \"path\" (an s3:// folder).")
        }
        try claim(transformationContext)
        let location = try S3Location(parsing: path)
        let targetFormat = try Self.targetFormat(format, options: formatOptions.mapValues(\.text))
        let name = transformationContext ?? "S3Target"
        let sink = S3TargetSink(
            nodeID: name, location: location, partitionKeys: connectionOptions["partitionKeys"]?.list ?? [], format: targetFormat,
            outputs: outputs, runStartMillis: runStartMillis, partitionWritten: { _ in })
        _ = try runtime.execute(frame.plan, sink: sink, name: name)
    }

    static func targetFormat(_ format: String, options: [String: String]) throws(GlueError) -> TargetFormat {
        let compression = options["compression"]
        let gzip = ["gzip", "gz"].contains((compression ?? "").lowercased())
        switch format.lowercased() {
        case "parquet": return try TargetFormat.parquet(compression: compression, naming: .spark)
        case "glueparquet": return try TargetFormat.parquet(compression: compression, naming: .glueParquet)
        case "csv":
            var csvOptions = options
            csvOptions["compression"] = gzip ? "gzip" : "none"
            return .csv(options: try CSVOptions(formatOptions: csvOptions))
        case "json": return .json(gzip: gzip)
        default:
            throw GlueError(.unsupportedFeature, "Format \"\(format)\" cannot be written locally; use csv, json, parquet or glueparquet.")
        }
    }

    // MARK: - Errors

    /// The error records of every action of the run so far.
    public var errorRecords: [ErrorRecord] { runtime.errorRecords.kept }

    /// The number of error records of every action of the run so far.
    public var errorsCount: Int { runtime.errorRecords.count }
}
