import Foundation

/// The weekly review as a value: this week's measures beside last week's, the eight-week trend, and
/// the seed's short lists (calls saved, calls that stalled, rules to change). Adapters only render it.
public struct WeeklyReview: Sendable {
    /// One lead in a short list, as the office would look it up in the sheet.
    public struct Entry: Sendable, Hashable {
        public var leadID: String
        public var firstCall: String
        public var callerName: String
        public var phone: String
        public var callerType: String
        public var owner: String
        /// The appointment of a saved call; the due-by and next action of a stalled one.
        public var detail: String
    }

    public var business: String
    /// The eight weeks of the trend, oldest first; the last is the reported week.
    public var weeks: [WeekFigures]
    public var slaMinutes: Int
    /// The last sync at or before the report: statuses are as the sheet showed them then.
    public var asOf: String
    public var saved: [Entry]
    public var stalled: [Entry]
    public var rulesToChange: [RuleToChange]

    public var thisWeek: WeekFigures { weeks[weeks.count - 1] }
    public var lastWeek: WeekFigures { weeks[weeks.count - 2] }
    public static let trendWeeks = 8
}
