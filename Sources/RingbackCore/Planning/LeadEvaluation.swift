import Foundation

/// Runs the rules on every lead with what the office typed, producing the rows Ringback wants and the
/// events the crew should see. Status, caller type and owner in the desired row are the rules' own
/// verdicts (the planner pins the office's); the events follow the office's word.
public struct LeadEvaluation: Sendable {
    public struct Output: Sendable {
        public var desiredRows: [DesiredRow] = []
        public var events: [CalendarEvent] = []
        public var notes: [String] = []
        /// Worth telling the office, not a problem of a row.
        public var notices: [String] = []
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
    /// `crew`: the crews' calendars as read this run; `moves`: leads whose job the crew moved (new start)
    /// or removed (nil) in a target calendar read back.
    public func evaluate(
        _ leads: [Lead], sheet: SheetContents?, base: [String: SyncedRow], now: Date, crew: CrewAvailability? = nil,
        moves: [String: Date?] = [:]
    ) -> Output {
        let syncedAt = time.format(now)
        let chunkCount = leads.count < 2_000 ? 1 : work.width * 2
        let chunkSize = (leads.count + chunkCount - 1) / max(chunkCount, 1)
        let parts = work.map(count: chunkCount) { chunk in
            let range = min(chunk * chunkSize, leads.count)..<min((chunk + 1) * chunkSize, leads.count)
            return evaluate(leads[range], sheet: sheet, base: base, now: now, syncedAt: syncedAt, crew: crew, moves: moves)
        }
        var output = Output()
        output.desiredRows.reserveCapacity(leads.count)
        for part in parts {
            output.desiredRows.append(contentsOf: part.desiredRows)
            output.events.append(contentsOf: part.events)
            output.notes.append(contentsOf: part.notes)
            output.notices.append(contentsOf: part.notices)
        }
        return output
    }

    private func evaluate(
        _ leads: ArraySlice<Lead>, sheet: SheetContents?, base: [String: SyncedRow], now: Date, syncedAt: String, crew: CrewAvailability?,
        moves: [String: Date?]
    ) -> Output {
        var output = Output()
        output.desiredRows.reserveCapacity(leads.count)
        let classifier = LeadClassifier(rules: rules)
        let renderer = LeadRowRenderer(time: time)
        let events = LeadEventBuilder(rules: rules)
        let reader = OfficeInputReader(time: time)
        let booking = LeadBooking(rules: rules, availability: crew, now: now)
        var windows: [String: BookingWindows.Outcome] = [:]
        for lead in leads {
            let remembered = base[lead.id]
            // An archived row is read as the office left it: its status, appointment and events stand.
            let row = sheet?.rows[lead.id] ?? remembered.flatMap { $0.archived ? SheetContents.Row(leadID: lead.id, cells: $0.shownCells) : nil }
            let noted = output.notes.count
            var office = reader.input(row: row, remembered: remembered, leadID: lead.id, notes: &output.notes)
            let problems = output.notes[noted...].map { String($0.dropFirst(lead.id.count + 1)) }
            var crewAppointment: String?
            if let moved = moves[lead.id], let row {
                crewAppointment = follow(moved, row: row, remembered: remembered, leadID: lead.id, office: &office, notes: &output.notes)
            }
            var computed = classifier.assess(lead, office: OfficeInput(appointment: office.appointment), now: now)
            office.reopenedAt = Self.reopenedAt(office: office.status, rules: computed.status, remembered: remembered, now: now)
            // A crew's job books a lead still open, never one closed or archived (a caller's earlier lead).
            let bookable = computed.status.isOpen && office.status?.isClosed != true && remembered?.archived != true
            var crewJob = bookable ? booking.crewJob(for: lead, callerName: computed.callerName, office: office) : nil
            if let job = crewJob {
                // Only a lead the job books takes its time (a vendor's name on a job does not).
                let booked = classifier.assess(lead, office: OfficeInput(appointment: job.start), now: now)
                if booked.status == .booked {
                    office.appointment = job.start
                    computed = booked
                } else {
                    crewJob = nil
                }
            }
            let computedOffer = booking.offer(for: computed, cache: &windows)
            computed = booking.routed(computed, offer: computedOffer)
            var effective = office.hasOverrides ? classifier.assess(lead, office: office, now: now) : computed
            let offer = office.hasOverrides ? booking.offer(for: effective, cache: &windows) : computedOffer
            if office.hasOverrides { effective = booking.routed(effective, offer: offer) }
            var cells = renderer.cells(for: lead, effective, syncedAt: syncedAt)
            cells[.offeredWindows] = offer?.cell ?? ""
            cells[.suggestedMessage] = booking.suggestedMessage(for: lead, effective, offer: offer)
            if let consent = booking.consent(for: lead) { cells[.consentSourceNote] = consent }
            if let crewJob { cells[.appointment] = time.format(crewJob.start) }
            let referenced = crewJob ?? booking.bookedJob(for: lead, callerName: computed.callerName, appointment: office.appointment)
            if let referenced, !referenced.reference.isEmpty { cells[.why] = cells.text(.why) + " Booked in \(referenced.reference)." }
            cells[.problems] = problems.joined(separator: "; ")
            cells[.status] = computed.status.rawValue
            cells[.callerType] = computed.callerType.rawValue
            cells[.owner] = computed.owner
            if let closed = lead.follows {
                cells[.why] = "New lead: \(closed) was closed by the office before this call. " + cells.text(.why)
                if remembered == nil {
                    output.notices.append("\(lead.id) is a new lead: \(closed) was closed by the office before this call came in")
                }
            }
            output.desiredRows.append(DesiredRow(leadID: lead.id, cells: cells, reopenedAt: office.reopenedAt, crewAppointment: crewAppointment))
            let deletedByOffice = sheet?.exists == true && row == nil && remembered != nil
            if !deletedByOffice {
                output.events.append(contentsOf: events.events(for: lead, effective))
            }
        }
        return output
    }

    /// When the office reopened a lead its rules close: first seen now, then kept while it stays open.
    static func reopenedAt(office: LeadStatus?, rules: LeadStatus, remembered: SyncedRow?, now: Date) -> Date? {
        guard let office, office.isOpen else { return nil }
        if let since = remembered?.reopenedAt { return since }
        return rules.isClosed ? now : nil
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
