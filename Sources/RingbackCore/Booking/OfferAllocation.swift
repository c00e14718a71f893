import Foundation

/// Hands out one run's free windows among the leads that can be booked, so two callers are never offered
/// the same time: a crew does one job at a time. Leads go in the morning list's order (due-by first, none
/// last, then Lead ID), so the most urgent gets the earliest; each lead's windows are then busy, with the
/// travel buffer, for every lead after it.
///
/// Windows a lead was offered in an earlier run and still shows in its Offered Windows cell are held
/// first, before any new window is handed out: the office may already have read them to the caller or
/// texted them, and offering them to a newer lead could book two jobs into one slot. They are held while
/// they are still free on the crew calendar and bookable (not gone by, inside the notice and the hours),
/// and the lead can still be booked; a window the crew filled, or whose lead was booked, closed or sent
/// to a person, goes back to the pool. Without this, a lead awaiting a reply (its due-by moves on after
/// each callback attempt) would lose the windows the office just offered it to a lead that came in later.
public struct OfferAllocation: Sendable {
    /// A lead asking for windows.
    public struct Claim: Sendable {
        public var leadID: String
        public var assessment: LeadAssessment
        /// Windows offered in an earlier run and still shown.
        public var kept: [OfferedWindow]
        /// The windows are shown to the office and held from later leads; false for an offer that only
        /// decides the rules' own status of a lead whose row the office overrode.
        public var holds: Bool

        public init(leadID: String, assessment: LeadAssessment, kept: [OfferedWindow] = [], holds: Bool = true) {
            self.leadID = leadID
            self.assessment = assessment
            self.kept = kept
            self.holds = holds
        }
    }

    public let booking: LeadBooking

    public init(booking: LeadBooking) {
        self.booking = booking
    }

    /// One offer per claim, in the claims' order (nil where the lead cannot be booked).
    public func offers(_ claims: [Claim]) -> [LeadBooking.Offer?] {
        guard let rules = booking.rules.booking else { return claims.map { _ in nil } }
        let windows = BookingWindows(rules: rules)
        let order = claims.indices.filter { LeadBooking.isBookable(claims[$0].assessment) }.sorted { a, b in
            let x = claims[a].assessment
            let y = claims[b].assessment
            switch (x.dueBy, y.dueBy) {
            case let (p?, q?) where p != q: return p < q
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (claims[a].leadID, a) < (claims[b].leadID, b)
            }
        }
        var held = Held()
        // Windows still shown from an earlier run are held first, in the same order.
        var kept: [Int: [OfferedWindow]] = [:]
        for index in order where claims[index].holds {
            let claim = claims[index]
            let type = rules.type(forTrade: claim.assessment.service?.trade)
            let still = windows.stillOffered(
                claim.kept, trade: claim.assessment.service?.trade, type: type, availability: booking.availability, now: booking.now,
                held: held.busy)
            kept[index] = still
            held.add(still)
        }
        var offers: [LeadBooking.Offer?] = claims.map { _ in nil }
        var exhausted: [String: BookingWindows.Outcome] = [:]
        for index in order {
            let claim = claims[index]
            let trade = claim.assessment.service?.trade
            let type = rules.type(forTrade: trade)
            let own = kept[index] ?? []
            let key = "\(type.rawValue)|\(trade?.lowercased() ?? "")"
            // Held windows only grow: once nothing is free for a kind of job, nothing is for the leads after.
            let outcome =
                (own.isEmpty ? exhausted[key] : nil)
                ?? windows.windows(
                    trade: trade, type: type, availability: booking.availability, now: booking.now, held: held.busy(without: own), kept: own)
            if case .none = outcome, own.isEmpty { exhausted[key] = outcome }
            offers[index] = booking.offer(outcome)
            if claim.holds, case .offered(let picked) = outcome { held.add(picked.filter { !own.contains($0) }) }
        }
        return offers
    }

    /// The windows held so far, as busy spans per crew.
    struct Held {
        var windows: [OfferedWindow] = []

        mutating func add(_ more: [OfferedWindow]) { windows += more }

        var busy: [String: [BusyInterval]] { busy(without: []) }

        func busy(without own: [OfferedWindow]) -> [String: [BusyInterval]] {
            var spans: [String: [BusyInterval]] = [:]
            for window in windows where !own.contains(window) {
                spans[window.crew, default: []].append(BusyInterval(start: window.start, end: window.end))
            }
            return spans
        }
    }
}
