import GlueCore

/// The run's arguments named in `options`, without their `--`. Mirrors awsglue's
/// `getResolvedOptions(sys.argv, options)`.
///
/// The result always holds `job_bookmark_option` (default `job-bookmark-disable`) and, when set,
/// `job_bookmark_from`/`job_bookmark_to`, as awsglue's does.
///
/// - Throws: `InvalidInputException` with Glue's texts: "the following arguments are required:
///   --X" for a missing option; a reserved name (`job-bookmark-option`, `JOB_ID`, `JOB_RUN_ID`,
///   ...) asked for.
public func getResolvedOptions(_ arguments: JobArguments, _ options: [String]) throws(GlueError) -> [String: String] {
    let reserved: Set<String> = [
        "job-bookmark-option", "continuation-option", "job-bookmark-from", "job-bookmark-to", "JOB_ID", "JOB_RUN_ID",
        "SECURITY_CONFIGURATION", "encryption-type", "enable-data-lineage",
    ]
    var resolved: [String: String] = [:]
    var missing: [String] = []
    for option in options {
        let name = option.hasPrefix("--") ? String(option.dropFirst(2)) : option
        if reserved.contains(name) {
            throw GlueError(.invalidInput, "Using reserved arguments \(name)")
        }
        if let value = arguments["--" + name] {
            resolved[name] = value
        } else {
            missing.append("--" + name)
        }
    }
    if !missing.isEmpty {
        throw GlueError(.invalidInput, "the following arguments are required: \(missing.joined(separator: ", "))")
    }
    resolved["job_bookmark_option"] = arguments.bookmarkOption.rawValue
    if let from = arguments["--job-bookmark-from"] { resolved["job_bookmark_from"] = from }
    if let to = arguments["--job-bookmark-to"] { resolved["job_bookmark_to"] = to }
    return resolved
}
