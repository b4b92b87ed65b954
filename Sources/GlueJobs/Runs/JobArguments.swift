import GlueCore

/// The arguments of a run, resolved as Glue resolves them: `DefaultArguments`, overlaid key by key
/// by the run's `Arguments`, then by `NonOverridableArguments` (which always win), plus the
/// arguments Glue injects (`--JOB_NAME`, `--JOB_ID`, `--JOB_RUN_ID`).
public struct JobArguments: Sendable, Equatable {
    /// Every argument by name, with its leading `--`.
    public let values: [String: String]

    /// The bookmark options of a run (`--job-bookmark-option` and the pause range).
    public enum BookmarkOption: String, Sendable {
        case enable = "job-bookmark-enable"
        case disable = "job-bookmark-disable"
        case pause = "job-bookmark-pause"
    }

    /// Resolves a run's arguments.
    ///
    /// - Throws: `InvalidInputException` when an argument name lacks its `--`, the bookmark option
    ///   is not one of Glue's, or `--job-bookmark-from`/`--job-bookmark-to` are given without pause
    ///   or only one of them with pause (Glue's `getResolvedOptions` rules).
    public init(job: JobDefinition, runArguments: [String: String], runID: String) throws(GlueError) {
        var values = job.defaultArguments ?? [:]
        for (key, value) in runArguments {
            guard key.hasPrefix("--") else {
                throw GlueError(.invalidInput, "Argument \"\(key)\" must start with --, as Glue job arguments do.")
            }
            values[key] = value
        }
        for (key, value) in job.nonOverridableArguments ?? [:] { values[key] = value }
        if values["--job-bookmark-option"] == nil, let legacy = values["--continuation-option"] {
            switch legacy {
            case "continuation-enabled": values["--job-bookmark-option"] = BookmarkOption.enable.rawValue
            case "continuation-readonly": values["--job-bookmark-option"] = BookmarkOption.pause.rawValue
            case "continuation-ignore": values["--job-bookmark-option"] = BookmarkOption.disable.rawValue
            default: throw GlueError(.invalidInput, "--continuation-option \"\(legacy)\" is not one of continuation-enabled, continuation-readonly, continuation-ignore.")
            }
        }
        let option = values["--job-bookmark-option"] ?? BookmarkOption.disable.rawValue
        guard let bookmark = BookmarkOption(rawValue: option) else {
            throw GlueError(.invalidInput, "--job-bookmark-option \"\(option)\" is not one of job-bookmark-enable, job-bookmark-disable, job-bookmark-pause.")
        }
        let hasFrom = values["--job-bookmark-from"] != nil
        let hasTo = values["--job-bookmark-to"] != nil
        if bookmark == .pause, hasFrom != hasTo {
            throw GlueError(.invalidInput, "Missing option or value for \(hasFrom ? "--job-bookmark-to" : "--job-bookmark-from").")
        }
        if bookmark != .pause, hasFrom || hasTo {
            throw GlueError(.invalidInput, "Invalid option(s): --job-bookmark-from and --job-bookmark-to need --job-bookmark-option job-bookmark-pause.")
        }
        values["--JOB_NAME"] = job.name
        values["--JOB_ID"] = "j_" + String(runID.dropFirst(3))
        values["--JOB_RUN_ID"] = runID
        self.values = values
    }

    /// The bookmark option in effect.
    public var bookmarkOption: BookmarkOption {
        values["--job-bookmark-option"].flatMap(BookmarkOption.init(rawValue:)) ?? .disable
    }

    /// An argument's value.
    public subscript(name: String) -> String? { values[name] }

    /// A non-negative integer argument (`--stageThreshold`), or `nil` when absent.
    ///
    /// - Throws: `InvalidInputException` when present but not a non-negative integer.
    public func count(_ name: String) throws(GlueError) -> Int? {
        guard let text = values[name] else { return nil }
        guard let value = Int(text), value >= 0 else {
            throw GlueError(.invalidInput, "Argument \(name) must be a non-negative integer, not \"\(text)\".")
        }
        return value
    }
}
