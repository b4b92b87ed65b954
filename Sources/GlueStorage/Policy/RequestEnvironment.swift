#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a request carries besides the caller: where it comes from and when it happens.
///
/// These fill the global condition keys `aws:SourceIp`, `aws:SecureTransport`, `aws:CurrentTime`
/// and `aws:EpochTime`; tests inject them.
public struct RequestEnvironment: Sendable {
    /// `aws:SourceIp`; `nil` leaves the key absent, as for calls through a VPC endpoint.
    public var sourceIP: String?
    /// `aws:SecureTransport`.
    public var secureTransport: Bool
    /// The clock behind `aws:CurrentTime` and `aws:EpochTime`.
    public var now: @Sendable () -> Date

    /// Creates an environment; defaults: a local caller (`127.0.0.1`) over TLS, now.
    public init(sourceIP: String? = "127.0.0.1", secureTransport: Bool = true, now: @escaping @Sendable () -> Date = { Date() }) {
        self.sourceIP = sourceIP
        self.secureTransport = secureTransport
        self.now = now
    }

    /// `aws:CurrentTime` in ISO 8601 (`2026-11-22T12:00:00Z`).
    static func iso8601(_ date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        var days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let secondOfDay = seconds - days * 86400
        // Civil-from-days (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        var year = yearOfEra + era * 400
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        if month <= 2 { year += 1 }
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)):\(two(secondOfDay % 60))Z"
    }
}
