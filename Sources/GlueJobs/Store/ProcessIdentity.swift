import Foundation

/// A process, identified by its ID and its start time, so that a reused process ID is not mistaken
/// for the process that started a run.
public struct ProcessIdentity: Codable, Sendable, Equatable {
    /// The process ID.
    public var pid: Int32
    /// The process start time in clock ticks since boot (`/proc/PID/stat` field 22), 0 if unknown.
    public var startTicks: UInt64

    /// Creates an identity from its parts.
    public init(pid: Int32, startTicks: UInt64) {
        self.pid = pid
        self.startTicks = startTicks
    }

    /// The identity of a running process by ID (its start time read from `/proc`).
    public init(runningProcess pid: Int32) {
        self.init(pid: pid, startTicks: ProcessIdentity.startTicks(of: pid) ?? 0)
    }

    /// The running process.
    public static var current: ProcessIdentity {
        let pid = getpid()
        return ProcessIdentity(pid: pid, startTicks: startTicks(of: pid) ?? 0)
    }

    /// Whether the process still runs (same ID and same start time).
    public var isAlive: Bool {
        if kill(pid, 0) != 0 && errno == ESRCH { return false }
        guard startTicks != 0, let ticks = ProcessIdentity.startTicks(of: pid) else { return true }
        return ticks == startTicks
    }

    static func startTicks(of pid: Int32) -> UInt64? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let closing = stat.lastIndex(of: ")")
        else { return nil }
        // Fields after the command name (which may hold spaces) start at field 3.
        let fields = stat[stat.index(after: closing)...].split(separator: " ")
        guard fields.count > 19 else { return nil }
        return UInt64(fields[19])
    }
}
