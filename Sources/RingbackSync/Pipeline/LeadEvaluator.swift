import Foundation
import RingbackCore

/// Runs the rules on every lead with what the office typed, producing the rows Ringback wants and
/// the events the crew should see.
struct LeadEvaluator {
    let rules: BusinessRules
    let time: LocalTimeText

    struct Output {
        var desiredRows: [DesiredRow] = []
        var events: [CalendarEvent] = []
        var notes: [String] = []
    }

    /// Evaluates the leads in chunks on every core; the output keeps the leads' order.
    func evaluate(_ leads: [Lead], sheet: SheetContents?, base: [String: SyncedRow], now: Date) -> Output {
        let syncedAt = time.format(now)
        let chunkCount = leads.count < 2_000 ? 1 : ParallelChunks.coreCount * 2
        let chunkSize = (leads.count + chunkCount - 1) / max(chunkCount, 1)
        let parts = ParallelChunks.map(count: chunkCount) { chunk in
            let range = min(chunk * chunkSize, leads.count)..<min((chunk + 1) * chunkSize, leads.count)
            return evaluate(leads[range], sheet: sheet, base: base, now: now, syncedAt: syncedAt)
        }
        var output = Output()
        output.desiredRows.reserveCapacity(leads.count)
        for part in parts {
            output.desiredRows.append(contentsOf: part.desiredRows)
            output.events.append(contentsOf: part.events)
            output.notes.append(contentsOf: part.notes)
        }
        return output
    }

    private func evaluate(_ leads: ArraySlice<Lead>, sheet: SheetContents?, base: [String: SyncedRow], now: Date, syncedAt: String) -> Output {
        var output = Output()
        output.desiredRows.reserveCapacity(leads.count)
        let classifier = LeadClassifier(rules: rules)
        let renderer = LeadRowRenderer(time: time)
        let events = LeadEventBuilder(rules: rules)
        for lead in leads {
            let row = sheet?.rows[lead.id]
            let remembered = base[lead.id]
            let office = officeInput(row: row, remembered: remembered, leadID: lead.id, notes: &output.notes)
            let computed = classifier.assess(lead, office: OfficeInput(appointment: office.appointment), now: now)
            let effective = office.hasOverrides ? classifier.assess(lead, office: office, now: now) : computed
            var cells = renderer.cells(for: lead, effective, syncedAt: syncedAt)
            cells[SheetColumn.status.rawValue] = computed.status.rawValue
            cells[SheetColumn.callerType.rawValue] = computed.callerType.rawValue
            cells[SheetColumn.owner.rawValue] = computed.owner
            output.desiredRows.append(DesiredRow(leadID: lead.id, cells: cells))
            let deletedByOffice = sheet?.exists == true && row == nil && remembered != nil
            if !deletedByOffice {
                output.events.append(contentsOf: events.events(for: lead, effective))
            }
        }
        return output
    }

    /// The office's word on a lead: the appointment it typed, and status, caller type or owner where it
    /// changed Ringback's value (or pinned it earlier).
    private func officeInput(row: SheetContents.Row?, remembered: SyncedRow?, leadID: String, notes: inout [String]) -> OfficeInput {
        guard let row else { return .none }
        var input = OfficeInput()
        let appointmentText = row.cells[SheetColumn.appointment.rawValue] ?? ""
        if !appointmentText.trimmingCharacters(in: .whitespaces).isEmpty {
            if let date = time.parseAppointment(appointmentText) {
                input.appointment = date
            } else {
                notes.append("\(leadID) Appointment \"\(appointmentText)\" is not a date and time Ringback can read (e.g. 2026-11-26 09:00); no job event made")
            }
        }
        guard let remembered else { return input }
        func edited(_ column: SheetColumn) -> String? {
            guard let value = row.cells[column.rawValue] else { return nil }
            if remembered.pins[column.rawValue] != nil { return value }
            return value != (remembered.cells[column.rawValue] ?? "") ? value : nil
        }
        if let text = edited(.status) {
            if let status = LeadStatus(officeText: text) {
                input.status = status
            } else if !text.isEmpty {
                notes.append("\(leadID) Status \"\(text)\" is not one of: \(LeadStatus.allCases.map(\.rawValue).joined(separator: ", ")); kept as typed, rules use their own status")
            }
        }
        if let text = edited(.callerType) {
            input.callerType = CallerType.allCases.first { $0.rawValue.lowercased() == text.lowercased().trimmingCharacters(in: .whitespaces) }
        }
        if let text = edited(.owner), !text.isEmpty {
            input.owner = text
        }
        return input
    }
}

extension OfficeInput {
    var hasOverrides: Bool { status != nil || callerType != nil || owner != nil }
}
