import Foundation

/// Renders a lead and its assessment as the cell values Ringback wants in its sheet row.
public struct LeadRowRenderer: Sendable {
    public let time: LocalTimeText

    public init(time: LocalTimeText) {
        self.time = time
    }

    /// Cells for every column; the office-owned ones are empty, as a new row gets them.
    public func cells(for lead: Lead, _ a: LeadAssessment, syncedAt: String) -> SheetCells {
        var cells = SheetCells()
        cells[.leadID] = lead.id
        cells[.timestamp] = time.format(lead.firstMissedAt)
        cells[.callerName] = a.callerName
        cells[.phone] = lead.customer.display
        cells[.callSource] = lead.trackingSource ?? lead.missedCalls[0].source
        cells[.callerType] = a.callerType.rawValue
        cells[.serviceType] = a.service.map { "\($0.trade): \($0.name)" } ?? ""
        cells[.addressOrZIP] = [a.address, a.address.contains(a.zip) ? "" : a.zip].filter { !$0.isEmpty }.joined(separator: " ")
        cells[.urgency] = a.afterHours && a.urgency != .routine ? "\(a.urgency.rawValue), after hours" : a.urgency.rawValue
        cells[.summary] = a.summary
        cells[.attempts] = String(lead.attempts)
        cells[.nextAction] = a.nextAction
        cells[.dueBy] = a.dueBy.map(time.format) ?? ""
        cells[.owner] = a.owner
        cells[.status] = a.status.rawValue
        cells[.consentSourceNote] = consentNote(for: lead)
        cells[.transcriptLink] = lead.recordingURL ?? (lead.hasVoicemail ? "voicemail (no link in export)" : "")
        cells[.why] = a.verdict.why
        cells[.transcript] = a.transcript
        cells[.appointment] = ""
        cells[.notes] = ""
        cells[.lastSynced] = syncedAt
        return cells
    }

    private func consentNote(for lead: Lead) -> String {
        let line = lead.missedCalls[0].businessLine.e164.map { " to \($0)" } ?? ""
        return "Inbound call\(line) via \(lead.missedCalls[0].source); no SMS consent on record"
    }
}
