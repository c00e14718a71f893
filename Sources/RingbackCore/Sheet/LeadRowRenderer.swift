import Foundation

/// Renders a lead and its assessment as the cell values Ringback wants in its sheet row.
public struct LeadRowRenderer: Sendable {
    public let time: LocalTimeText

    public init(time: LocalTimeText) {
        self.time = time
    }

    /// Cells for every column; the office-owned ones are empty, as a new row gets them.
    public func cells(for lead: Lead, _ a: LeadAssessment, syncedAt: String) -> [String: String] {
        var cells = [String: String](minimumCapacity: SheetColumn.allCases.count)
        cells[SheetColumn.leadID.rawValue] = lead.id
        cells[SheetColumn.timestamp.rawValue] = time.format(lead.firstMissedAt)
        cells[SheetColumn.callerName.rawValue] = a.callerName
        cells[SheetColumn.phone.rawValue] = lead.customer.display
        cells[SheetColumn.callSource.rawValue] = lead.trackingSource ?? lead.missedCalls[0].source
        cells[SheetColumn.callerType.rawValue] = a.callerType.rawValue
        cells[SheetColumn.serviceType.rawValue] = a.service.map { "\($0.trade): \($0.name)" } ?? ""
        cells[SheetColumn.addressOrZIP.rawValue] = [a.address, a.address.contains(a.zip) ? "" : a.zip].filter { !$0.isEmpty }.joined(separator: " ")
        cells[SheetColumn.urgency.rawValue] = a.afterHours && a.urgency != .routine ? "\(a.urgency.rawValue), after hours" : a.urgency.rawValue
        cells[SheetColumn.summary.rawValue] = a.summary
        cells[SheetColumn.attempts.rawValue] = String(lead.attempts)
        cells[SheetColumn.nextAction.rawValue] = a.nextAction
        cells[SheetColumn.dueBy.rawValue] = a.dueBy.map(time.format) ?? ""
        cells[SheetColumn.owner.rawValue] = a.owner
        cells[SheetColumn.status.rawValue] = a.status.rawValue
        cells[SheetColumn.consentSourceNote.rawValue] = consentNote(for: lead)
        cells[SheetColumn.transcriptLink.rawValue] = lead.recordingURL ?? (lead.hasVoicemail ? "voicemail (no link in export)" : "")
        cells[SheetColumn.appointment.rawValue] = ""
        cells[SheetColumn.notes.rawValue] = ""
        cells[SheetColumn.lastSynced.rawValue] = syncedAt
        return cells
    }

    private func consentNote(for lead: Lead) -> String {
        let line = lead.missedCalls[0].businessLine.e164.map { " to \($0)" } ?? ""
        return "Inbound call\(line) via \(lead.missedCalls[0].source); no SMS consent on record"
    }
}
