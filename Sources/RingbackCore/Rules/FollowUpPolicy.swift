import Foundation

/// The follow-up loop's promises: a lead closes for no response only after the office tried to reach
/// the caller, and a lead nobody called back goes to a person instead of waiting quietly.
public struct FollowUpPolicy: Sendable, Hashable {
    /// Outbound callback attempts a lead needs before it may close as `Closed - no response`.
    public var attemptsBeforeClose: Int
    /// How long after its due-by an open lead with no answer is escalated to Staff review.
    public var escalateAfter: TimeInterval

    public init(attemptsBeforeClose: Int = 2, escalateAfter: TimeInterval = 24 * 3600) {
        self.attemptsBeforeClose = attemptsBeforeClose
        self.escalateAfter = escalateAfter
    }

    /// Whether the lead has had its attempts and the window since the last one passed quietly. A
    /// caller who left no number cannot be called back: the window alone closes that lead.
    public func mayClose(_ lead: Lead, window: TimeInterval, now: Date) -> Bool {
        let tried = lead.outboundAttempts >= attemptsBeforeClose || lead.customer.e164 == nil
        return tried && now.timeIntervalSince(lead.lastActivityAt) > window
    }

    /// Whether an open lead due at `dueBy` still short of its callback attempts has waited past the
    /// escalation time; one that had its attempts is waiting for the caller, not for the office, and
    /// one with no number has its own next action.
    public func isEscalated(_ lead: Lead, dueBy: Date?, now: Date) -> Bool {
        guard let dueBy, lead.outboundAttempts < attemptsBeforeClose, lead.customer.e164 != nil else { return false }
        return now.timeIntervalSince(dueBy) > escalateAfter
    }
}
