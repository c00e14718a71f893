import Foundation

/// Runs the rules on every lead with what the office typed, producing the rows Ringback wants and the
/// events the crew should see. Status, caller type and owner in the desired row are the rules' own
/// verdicts (the planner pins the office's); the events follow the office's word.
public struct LeadEvaluation: Sendable {
    public struct Output: Sendable {
        public var desiredRows: [DesiredRow] = []
        public var events: [CalendarEvent] = []
        public var notes: [String] = []
    }

    public let rules: BusinessRules
    public let time: LocalTimeText
    public let work: any ChunkedWork

    public init(rules: BusinessRules, time: LocalTimeText, work: any ChunkedWork = SerialWork()) {
        self.rules = rules
        self.time = time
        self.work = work
    }

    /// The output keeps the leads' order; large runs are evaluated in chunks by `work`.
    /// `crew`: leads whose job the crew moved (new start) or removed (nil) in a calendar read back.
    public func evaluate(
        _ leads: [Lead], sheet: SheetContents?, base: [String: SyncedRow], now: Date, crew: [String: Date?] = [:]
    ) -> Output {
        let syncedAt = time.format(now)
        let chunkCount = leads.count < 2_000 ? 1 : work.width * 2
        let chunkSize = (leads.count + chunkCount - 1) / max(chunkCount, 1)
        let parts = work.map(count: chunkCount) { chunk in
            let range = min(chunk * chunkSize, leads.count)..<min((chunk + 1) * chunkSize, leads.count)
            return evaluate(leads[range], sheet: sheet, base: base, now: now, syncedAt: syncedAt, crew: crew)
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

    private func evaluate(
        _ leads: ArraySlice<Lead>, sheet: SheetContents?, base: [String: SyncedRow], now: Date, syncedAt: String, crew: [String: Date?]
    ) -> Output {
        var output = Output()
        output.desiredRows.reserveCapacity(leads.count)
        let classifier = LeadClassifier(rules: rules)
        let renderer = LeadRowRenderer(time: time)
        let events = LeadEventBuilder(rules: rules)
        let reader = OfficeInputReader(time: time)
        for lead in leads {
            let row = sheet?.rows[lead.id]
            let remembered = base[lead.id]
            let noted = output.notes.count
            var office = reader.input(row: row, remembered: remembered, leadID: lead.id, notes: &output.notes)
            let problems = output.notes[noted...].map { String($0.dropFirst(lead.id.count + 1)) }
            var crewAppointment: String?
            if let moved = crew[lead.id], let row {
                crewAppointment = follow(moved, row: row, remembered: remembered, leadID: lead.id, office: &office, notes: &output.notes)
            }
            let computed = classifier.assess(lead, office: OfficeInput(appointment: office.appointment), now: now)
            let effective = office.hasOverrides ? classifier.assess(lead, office: office, now: now) : computed
            var cells = renderer.cells(for: lead, effective, syncedAt: syncedAt)
            cells[.problems] = problems.joined(separator: "; ")
            cells[.status] = computed.status.rawValue
            cells[.callerType] = computed.callerType.rawValue
            cells[.owner] = computed.owner
            output.desiredRows.append(DesiredRow(leadID: lead.id, cells: cells, crewAppointment: crewAppointment))
            let deletedByOffice = sheet?.exists == true && row == nil && remembered != nil
            if !deletedByOffice {
                output.events.append(contentsOf: events.events(for: lead, effective))
            }
        }
        return output
    }

    /// The crew moved or removed the lead's job: the Appointment follows, unless the office changed the
    /// cell since the last sync (the office's word wins). Returns the cell's new text.
    private func follow(
        _ moved: Date?, row: SheetContents.Row, remembered: SyncedRow?, leadID: String, office: inout OfficeInput, notes: inout [String]
    ) -> String? {
        let typed = row.cells.text(.appointment)
        let synced = remembered?.cells.text(.appointment) ?? ""
        let crewText = moved.map(time.format) ?? ""
        let what = moved.map { "moved the job to \(time.format($0))" } ?? "removed the job"
        guard typed == synced || time.sameTime(typed, synced) else {
            notes.append("\(leadID) the crew \(what), but the office changed the Appointment since (\"\(typed)\"); the office's wins")
            return nil
        }
        office.appointment = moved
        notes.append(
            "\(leadID) the crew \(what): Appointment \"\(typed)\" -> \"\(crewText)\"\(moved == nil ? "; the lead is open for a callback again" : "")")
        return crewText
    }
}
