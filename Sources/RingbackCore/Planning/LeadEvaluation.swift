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

    /// The output keeps the leads' order; large runs are evaluated in chunks by `work`. Windows are handed
    /// out between the two chunked passes, in one pass over every bookable lead (`OfferAllocation`), so no
    /// two leads are offered the same time.
    /// `crew`: the crews' calendars as read this run; `moves`: leads whose job the crew moved (new start)
    /// or removed (nil) in a target calendar read back.
    public func evaluate(
        _ leads: [Lead], sheet: SheetContents?, base: [String: SyncedRow], now: Date, crew: CrewAvailability? = nil,
        moves: [String: Date?] = [:]
    ) -> Output {
        let syncedAt = time.format(now)
        let chunkCount = leads.count < 2_000 ? 1 : work.width * 2
        let chunkSize = (leads.count + chunkCount - 1) / max(chunkCount, 1)
        @Sendable func range(_ chunk: Int) -> Range<Int> { min(chunk * chunkSize, leads.count)..<min((chunk + 1) * chunkSize, leads.count) }
        let booking = LeadBooking(rules: rules, availability: crew, now: now)
        let assessedParts = work.map(count: chunkCount) { chunk in
            assess(leads[range(chunk)], sheet: sheet, base: base, now: now, booking: booking, moves: moves)
        }
        var output = Output()
        var assessed: [Assessed] = []
        assessed.reserveCapacity(leads.count)
        for part in assessedParts {
            assessed.append(contentsOf: part.leads)
            output.notes.append(contentsOf: part.notes)
        }
        let offers = self.offers(assessed, booking: booking)
        let all = assessed
        let parts = work.map(count: chunkCount) { chunk in
            render(all[range(chunk)], offers: offers, sheet: sheet, syncedAt: syncedAt, booking: booking)
        }
        output.desiredRows.reserveCapacity(leads.count)
        for part in parts {
            output.desiredRows.append(contentsOf: part.desiredRows)
            output.events.append(contentsOf: part.events)
            output.notes.append(contentsOf: part.notes)
            output.notices.append(contentsOf: part.notices)
        }
        return output
    }

    /// One lead after the rules and the office's word, before windows are offered.
    struct Assessed: Sendable {
        var lead: Lead
        var remembered: SyncedRow?
        var row: SheetContents.Row?
        var office: OfficeInput
        var problems: [String]
        var crewAppointment: String?
        /// The Appointment Ringback wants is a crew calendar job's time.
        var appointmentFromCrew: Bool
        /// The rules' own verdict (the office's appointment or the crew's job only).
        var computed: LeadAssessment
        var crewJob: CrewJobEvent?
        /// With the office's overrides; nil when it has none (then `computed` is shown).
        var overridden: LeadAssessment?
        /// Windows offered in an earlier run that the row still shows.
        var shownWindows: [OfferedWindow]
    }

    private func assess(
        _ leads: ArraySlice<Lead>, sheet: SheetContents?, base: [String: SyncedRow], now: Date, booking: LeadBooking, moves: [String: Date?]
    ) -> (leads: [Assessed], notes: [String]) {
        var notes: [String] = []
        var assessed: [Assessed] = []
        assessed.reserveCapacity(leads.count)
        let classifier = LeadClassifier(rules: rules)
        let reader = OfficeInputReader(time: time)
        for lead in leads {
            let remembered = base[lead.id]
            // An archived row is read as the office left it: its status, appointment and events stand.
            let row = sheet?.rows[lead.id] ?? remembered.flatMap { $0.archived ? SheetContents.Row(leadID: lead.id, cells: $0.shownCells) : nil }
            let noted = notes.count
            var office = reader.input(row: row, remembered: remembered, leadID: lead.id, notes: &notes)
            let problems = notes[noted...].map { String($0.dropFirst(lead.id.count + 1)) }
            var crewAppointment: String?
            var appointmentFromCrew = false
            if let moved = moves[lead.id], let row {
                crewAppointment = follow(moved, row: row, remembered: remembered, leadID: lead.id, office: &office, notes: &notes)
            } else if let row, let remembered, remembered.appointmentFromCrew, !remembered.archived {
                crewAppointment = followCrewJob(lead, row: row, remembered: remembered, booking: booking, office: &office, notes: &notes)
                appointmentFromCrew = crewAppointment.map { !$0.isEmpty } ?? false
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
            let overridden = office.hasOverrides ? classifier.assess(lead, office: office, now: now) : nil
            assessed.append(
                Assessed(
                    lead: lead, remembered: remembered, row: row, office: office, problems: problems, crewAppointment: crewAppointment,
                    appointmentFromCrew: appointmentFromCrew || crewJob != nil, computed: computed, crewJob: crewJob, overridden: overridden,
                    shownWindows: Self.shownWindows(row: row, remembered: remembered)))
        }
        return (assessed, notes)
    }

    /// The windows the last run offered, while the row still shows them as it wrote them.
    static func shownWindows(row: SheetContents.Row?, remembered: SyncedRow?) -> [OfferedWindow] {
        guard let remembered, !remembered.offered.isEmpty, remembered.pins[.offeredWindows] == nil,
            row?.cells[.offeredWindows] == remembered.cells[.offeredWindows]
        else { return [] }
        return remembered.offered
    }

    /// The offers of every lead: the one shown (held from the leads after it), and for a lead the office
    /// overrode, the one its rules' own verdict would get (which only decides that verdict's status).
    private func offers(_ assessed: [Assessed], booking: LeadBooking) -> (shown: [LeadBooking.Offer?], computed: [LeadBooking.Offer?]) {
        var claims: [OfferAllocation.Claim] = []
        var computedAt: [Int: Int] = [:]
        claims.reserveCapacity(assessed.count)
        for entry in assessed {
            claims.append(.init(leadID: entry.lead.id, assessment: entry.overridden ?? entry.computed, kept: entry.shownWindows))
        }
        for (index, entry) in assessed.enumerated() where entry.overridden != nil {
            computedAt[index] = claims.count
            claims.append(.init(leadID: entry.lead.id, assessment: entry.computed, holds: false))
        }
        let offers = OfferAllocation(booking: booking).offers(claims)
        let shown = Array(offers.prefix(assessed.count))
        return (shown, assessed.indices.map { computedAt[$0].map { offers[$0] } ?? shown[$0] })
    }

    private func render(
        _ assessed: ArraySlice<Assessed>, offers: (shown: [LeadBooking.Offer?], computed: [LeadBooking.Offer?]), sheet: SheetContents?,
        syncedAt: String, booking: LeadBooking
    ) -> Output {
        var output = Output()
        output.desiredRows.reserveCapacity(assessed.count)
        let renderer = LeadRowRenderer(time: time)
        let events = LeadEventBuilder(rules: rules)
        for index in assessed.indices {
            let entry = assessed[index]
            let lead = entry.lead
            let offer = offers.shown[index]
            let computed = booking.routed(entry.computed, offer: offers.computed[index])
            let effective = entry.overridden.map { booking.routed($0, offer: offer) } ?? computed
            var cells = renderer.cells(for: lead, effective, syncedAt: syncedAt)
            cells[.offeredWindows] = offer?.cell ?? ""
            cells[.suggestedMessage] = booking.suggestedMessage(for: lead, effective, offer: offer)
            if let consent = booking.consent(for: lead) { cells[.consentSourceNote] = consent }
            if let crewJob = entry.crewJob { cells[.appointment] = time.format(crewJob.start) }
            let referenced =
                entry.crewJob ?? booking.bookedJob(for: lead, callerName: computed.callerName, appointment: entry.office.appointment)
            if let referenced, !referenced.reference.isEmpty { cells[.why] = cells.text(.why) + " Booked in \(referenced.reference)." }
            cells[.problems] = entry.problems.joined(separator: "; ")
            cells[.status] = computed.status.rawValue
            cells[.callerType] = computed.callerType.rawValue
            cells[.owner] = computed.owner
            if let closed = lead.follows {
                cells[.why] = "New lead: \(closed) was closed by the office before this call. " + cells.text(.why)
                if entry.remembered == nil {
                    output.notices.append("\(lead.id) is a new lead: \(closed) was closed by the office before this call came in")
                }
            }
            var desired = DesiredRow(
                leadID: lead.id, cells: cells, reopenedAt: entry.office.reopenedAt, crewAppointment: entry.crewAppointment,
                offered: offer?.windows ?? [])
            desired.appointmentFromCrew = entry.appointmentFromCrew
            output.desiredRows.append(desired)
            let deletedByOffice = sheet?.exists == true && entry.row == nil && entry.remembered != nil
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

    /// The Appointment was filled from a job on a crew calendar: when the crew moved that job, the
    /// Appointment follows; when they removed it, the Appointment empties and the lead is open for a
    /// callback again (as when the crew removes the job from a target calendar read back). When the office
    /// typed the Appointment since, the office's wins and the difference is told once. Nothing is taken as
    /// removed while a crew calendar or bookings source could not be read, nor for a job already gone by
    /// (calendars are read only two weeks back) or beyond the span the calendars were read over. Returns the cell's new text, nil to leave it.
    private func followCrewJob(
        _ lead: Lead, row: SheetContents.Row, remembered: SyncedRow, booking: LeadBooking, office: inout OfficeInput, notes: inout [String]
    ) -> String? {
        guard booking.calendarsRead else { return nil }
        let typed = row.cells.text(.appointment)
        let synced = remembered.cells.text(.appointment)
        let job = booking.bookings.job(for: lead, callerName: row.cells.text(.callerName))
        let jobText = job.map { time.format($0.start) }
        if !(typed == synced || time.sameTime(typed, synced)) {
            if let jobText, !(typed == jobText || time.sameTime(typed, jobText)) {
                notes.append(
                    "\(lead.id) the crew calendar has the job at \(jobText), but the office typed \"\(typed)\" in Appointment since; the office's wins"
                )
            } else if job == nil && !typed.trimmingCharacters(in: .whitespaces).isEmpty {
                notes.append(
                    "\(lead.id) the job is no longer on the crew calendar, but the office typed \"\(typed)\" in Appointment since; the office's wins")
            }
            return nil
        }
        if let job, let jobText {
            guard !time.sameTime(synced, jobText) && synced != jobText else { return nil }
            office.appointment = job.start
            let place = job.reference.isEmpty ? "the crew moved the job on the \(job.crew) calendar" : "\(job.reference) was moved"
            notes.append("\(lead.id) \(place): Appointment \"\(typed)\" -> \"\(jobText)\"")
            return jobText
        }
        guard booking.availability.unreadable.isEmpty, !booking.availability.jobsIncomplete, let when = time.parseAppointment(synced),
            when >= booking.now, booking.availability.readUntil.map({ when < $0 }) ?? true
        else { return nil }
        office.appointment = nil
        notes.append(
            "\(lead.id) the crew removed the job from their calendar: Appointment \"\(typed)\" -> \"\"; the lead is open for a callback again")
        return ""
    }
}
