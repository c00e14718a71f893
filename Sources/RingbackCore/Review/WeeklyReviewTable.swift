/// The weekly review as blocks of text rows, the one layout of the CSV file and the Google tab:
/// the measures (this week, last week, the definition, the eight-week trend), then the short lists.
public struct WeeklyReviewTable: Sendable {
    public var rows: [[String]]

    public init(_ review: WeeklyReview) {
        var rows: [[String]] = [
            ["Weekly review", review.business, "week \(review.thisWeek.week.span)", "statuses as of the last sync, \(review.asOf)"], [],
            ["Measure", "This week", "Last week", "Definition"] + review.weeks.map { "Week of \($0.week.label)" },
        ]
        for measure in ReviewMeasure.allCases {
            rows.append(
                [measure.title, measure.detail(review.thisWeek), measure.detail(review.lastWeek), measure.definition(slaMinutes: review.slaMinutes)]
                    + review.weeks.map { measure.text(measure.value($0)) })
        }
        rows += Self.entries("Calls saved (booked)", "Appointment", review.saved)
        rows += Self.entries("Calls that stalled (overdue, no attempt)", "Due by · next action", review.stalled)
        rows += [[], ["Rules to change", "Corrections", "Keywords behind them", "Leads"]]
        rows += review.rulesToChange.map {
            ["\($0.field.rawValue): \($0.from) → \($0.to)", String($0.count), $0.keywords.joined(separator: ", "), $0.leadIDs.joined(separator: " ")]
        }
        self.rows = rows
    }

    /// The measures' header row's index, for the chart that plots the trend.
    public static let measureHeaderRow = 2
    public static let firstTrendColumn = 4

    private static func entries(_ title: String, _ detail: String, _ entries: [WeeklyReview.Entry]) -> [[String]] {
        [[], [title, "First call", "Caller", "Phone", "Caller type", "Owner", detail]]
            + entries.map { [$0.leadID, $0.firstCall, $0.callerName, $0.phone, $0.callerType, $0.owner, $0.detail] }
    }
}
