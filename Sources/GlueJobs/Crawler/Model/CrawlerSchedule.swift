/// A crawler's schedule as `GetCrawler` reports it.
///
/// Mirrors Glue's `Schedule`. LocalGlue keeps the cron expression but runs nothing on a schedule,
/// so `State` is `NOT_SCHEDULED`.
public struct CrawlerSchedule: Codable, Hashable, Sendable {
    /// The cron expression, `cron(15 12 * * ? *)`.
    public var scheduleExpression: String?
    /// `SCHEDULED`, `NOT_SCHEDULED` or `TRANSITIONING`.
    public var state: String?

    /// Creates a schedule.
    public init(scheduleExpression: String? = nil, state: String? = nil) {
        self.scheduleExpression = scheduleExpression
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case scheduleExpression = "ScheduleExpression", state = "State"
    }
}
