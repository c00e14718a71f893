import Foundation

/// The measures of the weekly review, each with the definition printed beside it so the office knows
/// exactly what was counted.
public enum ReviewMeasure: String, CaseIterable, Sendable {
    case missedCallsCaptured = "missed_calls_captured"
    case replyRate = "reply_rate"
    case qualifiedLeads = "qualified_leads"
    case bookedJobs = "booked_jobs"
    case staffReviewRate = "staff_review_rate"
    case ownerAssignmentMedian = "owner_assignment_median_minutes"
    case ownerAssignmentWithinSLA = "owner_assignment_within_sla"
    case noResponseClosures = "no_response_closures"
    case badRoutingNotes = "bad_routing_notes"
    case missedCallRate = "missed_call_rate"
    case leadToBookingRate = "lead_to_booking_rate"

    public enum Kind: Sendable {
        case count, share, minutes
    }

    public var kind: Kind {
        switch self {
        case .missedCallsCaptured, .qualifiedLeads, .bookedJobs, .noResponseClosures, .badRoutingNotes: .count
        case .replyRate, .staffReviewRate, .ownerAssignmentWithinSLA, .missedCallRate, .leadToBookingRate: .share
        case .ownerAssignmentMedian: .minutes
        }
    }

    public var title: String {
        switch self {
        case .missedCallsCaptured: "Missed calls captured"
        case .replyRate: "Reply rate"
        case .qualifiedLeads: "Qualified leads"
        case .bookedJobs: "Booked jobs"
        case .staffReviewRate: "Staff review rate"
        case .ownerAssignmentMedian: "Time to owner assignment (median)"
        case .ownerAssignmentWithinSLA: "Owner assigned within the SLA"
        case .noResponseClosures: "No-response closures"
        case .badRoutingNotes: "Bad routing notes"
        case .missedCallRate: "Missed-call rate"
        case .leadToBookingRate: "Lead-to-booking rate"
        }
    }

    /// What was counted, in the office's words.
    public func definition(slaMinutes: Int) -> String {
        switch self {
        case .missedCallsCaptured:
            "Missed and voicemail calls that week that entered the workflow as a lead (or another attempt of one)."
        case .replyRate:
            "Leads whose caller was reached afterwards (an answered call with the number, either way) or that are Qualified or Booked, ÷ leads; vendors, spam, wrong numbers and not-a-fit left out."
        case .qualifiedLeads:
            "Leads of the week now Qualified or Booked."
        case .bookedJobs:
            "Leads of the week now Booked (an appointment in the sheet)."
        case .staffReviewRate:
            "Leads Ringback sent to Staff review ÷ all leads of the week."
        case .ownerAssignmentMedian:
            "Business hours (open time only) from a lead's first missed call to the start of the Ringback run that wrote its row with an owner; the median, in minutes."
        case .ownerAssignmentWithinSLA:
            "Share of the week's leads whose owner was assigned within \(slaMinutes) business minutes of the first missed call."
        case .noResponseClosures:
            "Leads of the week now Closed - no response: the follow-up window ended with no contact."
        case .badRoutingNotes:
            "Leads of the week whose caller type or owner the office corrected in the sheet (the pinned cells)."
        case .missedCallRate:
            "Missed and voicemail calls ÷ inbound calls from callers, both while the business was open."
        case .leadToBookingRate:
            "Booked jobs ÷ leads of the week; vendors, spam, wrong numbers and not-a-fit left out."
        }
    }

    /// The measure's value for a week; nil when it has no denominator.
    public func value(_ f: WeekFigures) -> Double? {
        switch self {
        case .missedCallsCaptured: Double(f.missedCallsCaptured)
        case .replyRate: Self.ratio(f.replied, f.opportunities)
        case .qualifiedLeads: Double(f.qualified)
        case .bookedJobs: Double(f.booked)
        case .staffReviewRate: Self.ratio(f.staffReview, f.leads)
        case .ownerAssignmentMedian: f.medianAssignmentMinutes
        case .ownerAssignmentWithinSLA: Self.ratio(f.assignedWithinSLA, f.assignmentMinutes.count)
        case .noResponseClosures: Double(f.noResponseClosures)
        case .badRoutingNotes: Double(f.badRoutingNotes)
        case .missedCallRate: Self.ratio(f.missedInHours, f.inboundInHours)
        case .leadToBookingRate: Self.ratio(f.booked, f.opportunities)
        }
    }

    /// "42 %", "3", "1 h 05 min"; "–" without a value.
    public func text(_ value: Double?) -> String {
        guard let value else { return "–" }
        switch kind {
        case .count: return String(Int(value.rounded()))
        case .share: return "\(Int((value * 100).rounded())) %"
        case .minutes:
            let minutes = Int(value.rounded())
            return minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60 < 10 ? "0" : "")\(minutes % 60) min"
        }
    }

    /// The value with the counts behind it, e.g. "42 % (5 of 12)".
    public func detail(_ f: WeekFigures) -> String {
        let shown = text(value(f))
        switch self {
        case .replyRate: return "\(shown) (\(f.replied) of \(f.opportunities))"
        case .staffReviewRate: return "\(shown) (\(f.staffReview) of \(f.leads))"
        case .ownerAssignmentWithinSLA: return "\(shown) (\(f.assignedWithinSLA) of \(f.assignmentMinutes.count))"
        case .missedCallRate: return "\(shown) (\(f.missedInHours) of \(f.inboundInHours))"
        case .leadToBookingRate: return "\(shown) (\(f.booked) of \(f.opportunities))"
        default: return shown
        }
    }

    private static func ratio(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
}
