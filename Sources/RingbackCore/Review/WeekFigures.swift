import Foundation

/// The counts of one review week, from which every measure is a ratio or a median. A lead belongs to
/// the week of its first missed call.
public struct WeekFigures: Sendable, Hashable {
    public var week: ReviewWeek
    /// Missed and voicemail calls that became (or joined) a lead.
    public var missedCallsCaptured = 0
    public var leads = 0
    /// Leads that were an opportunity: not vendors, spam, wrong numbers or closed as not a fit.
    public var opportunities = 0
    public var replied = 0
    public var qualified = 0
    public var booked = 0
    /// Leads Ringback sent to Staff review.
    public var staffReview = 0
    /// Business minutes from each lead's first missed call to the run that gave it an owner.
    public var assignmentMinutes: [Int] = []
    public var assignedWithinSLA = 0
    public var noResponseClosures = 0
    /// Leads whose caller type or owner the office corrected.
    public var badRoutingNotes = 0
    /// Inbound calls from callers (not the business's own lines) while the business was open.
    public var inboundInHours = 0
    /// Of those, the missed and voicemail ones.
    public var missedInHours = 0

    public init(week: ReviewWeek) {
        self.week = week
    }

    /// The middle value (mean of the two middle ones for an even count); nil without any.
    public var medianAssignmentMinutes: Double? {
        let sorted = assignmentMinutes.sorted()
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
