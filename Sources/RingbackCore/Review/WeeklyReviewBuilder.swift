import Foundation

/// Computes the weekly review from the ledger: pure, so the figures can be checked against a week
/// worked out by hand.
public struct WeeklyReviewBuilder: Sendable {
    public var rules: BusinessRules
    /// Business minutes within which a lead should have an owner.
    public var assignmentSLAMinutes: Int

    public init(rules: BusinessRules, assignmentSLAMinutes: Int) {
        self.rules = rules
        self.assignmentSLAMinutes = assignmentSLAMinutes
    }

    public func review(_ ledger: ReviewLedger, week: ReviewWeek, now: Date) -> WeeklyReview {
        let leads = reviewLeads(ledger)
        let weeks = (0..<WeeklyReview.trendWeeks).reversed().map { week.offset(by: -$0) }
        let trend = weeks.map { self.figures(for: $0, leads: leads, calls: ledger.calls) }
        let ofWeek = leads.filter { week.contains($0.firstCall) }
        let time = LocalTimeText(zone: rules.hours.zone)
        let lastSync = ledger.runs.map(\.startedAt).filter { $0 <= now }.max()
        return WeeklyReview(
            business: rules.businessName, weeks: trend, slaMinutes: assignmentSLAMinutes, asOf: lastSync.map(time.format) ?? "never",
            saved: ofWeek.filter(\.isBooked).map { entry($0, detail: $0.row?.shown(.appointment) ?? "", time: time) },
            stalled: ofWeek.filter { isStalled($0, now: now, time: time) }.map {
                entry($0, detail: "due \($0.row?.shown(.dueBy) ?? "") · \($0.row?.shown(.nextAction) ?? "")", time: time)
            },
            rulesToChange: RuleToChange.ranked(ofWeek.flatMap(\.corrections)))
    }

    /// Open now, its due-by passed, and nobody has called the number since the missed call.
    func isStalled(_ lead: ReviewLead, now: Date, time: LocalTimeText) -> Bool {
        guard let status = lead.status, status.isOpen, !lead.attempted,
            let due = lead.row.flatMap({ time.parseAppointment($0.shown(.dueBy)) })
        else { return false }
        return due < now
    }

    func figures(for week: ReviewWeek, leads: [ReviewLead], calls: [Call]) -> WeekFigures {
        var f = WeekFigures(week: week)
        for lead in leads {
            f.missedCallsCaptured += lead.missedCalls.filter { week.contains($0.startedAt) }.count
            guard week.contains(lead.firstCall) else { continue }
            f.leads += 1
            if !lead.isNotAFit {
                f.opportunities += 1
                if lead.replied { f.replied += 1 }
                if lead.isBooked { f.booked += 1 }
            }
            if lead.isQualified { f.qualified += 1 }
            if lead.ringbackStatus == .staffReview { f.staffReview += 1 }
            if lead.status == .closedNoResponse { f.noResponseClosures += 1 }
            if !lead.corrections.isEmpty { f.badRoutingNotes += 1 }
            if let assigned = lead.assignedAt {
                let minutes = rules.hours.minutes(from: lead.firstCall, to: assigned)
                f.assignmentMinutes.append(minutes)
                if minutes <= assignmentSLAMinutes { f.assignedWithinSLA += 1 }
            }
        }
        for call in calls where call.direction == .inbound && isCaller(call.customer) && week.contains(call.startedAt) {
            guard rules.hours.isOpen(at: call.startedAt) else { continue }
            f.inboundInHours += 1
            if call.outcome.isUnanswered { f.missedInHours += 1 }
        }
        return f
    }

    private func isCaller(_ party: Party) -> Bool {
        switch party {
        case .number(let number): !rules.ownNumbers.contains(number)
        case .anonymous, .unusable: true
        case .internalExtension: false
        }
    }

    /// The leads as the sync built them (the same builder, the same Lead IDs), with their rows.
    func reviewLeads(_ ledger: ReviewLedger) -> [ReviewLead] {
        let runStarts = ledger.runs.map(\.startedAt).sorted()
        return LeadBuilder(rules: rules).leads(from: ledger.calls, anchors: ledger.anchors).map { lead in
            ReviewLead(
                id: lead.id, missedCalls: lead.missedCalls, row: ledger.rows[lead.id], reached: lead.wasReached,
                attempted: lead.outboundAttempts > 0, assignedAt: runStarts.first { $0 >= lead.firstMissedAt })
        }
    }

    private func entry(_ lead: ReviewLead, detail: String, time: LocalTimeText) -> WeeklyReview.Entry {
        let row = lead.row
        return WeeklyReview.Entry(
            leadID: lead.id, firstCall: time.format(lead.firstCall), callerName: row?.shown(.callerName) ?? "",
            phone: row?.shown(.phone) ?? lead.missedCalls[0].customer.display, callerType: row?.shown(.callerType) ?? "",
            owner: row?.shown(.owner) ?? "", detail: detail)
    }
}
