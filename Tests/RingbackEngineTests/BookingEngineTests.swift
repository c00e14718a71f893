import Foundation
import RingbackCore
import RingbackNormalisation
import RingbackSync
import RingbackTesting
import Testing

/// Suggested messages, offered windows and bookings seen on a crew calendar, end to end through the
/// engine and the in-memory twins.
@Suite struct BookingEngineTests {
    struct Workspace {
        var base = EngineWorkspace()
        let crew = InMemoryCrewCalendars(crews: ["Plumbers"])

        init(consent: [String] = []) {
            var spans: [Int: BusinessHours.Span] = [:]
            for day in 1...5 { spans[day] = .init(open: 8 * 60, close: 17 * 60) }
            base.rules.booking = BookingRules(
                minutes: [.diagnostic: 90], bufferMinutes: 30, crews: [Crew(name: "Plumbers", trades: ["Plumbing"])],
                hours: BusinessHours(zone: Fixtures.zone, spans: spans), horizonDays: 7, minimumNoticeMinutes: 120)
            for number in consent { base.rules.lists.smsConsent[number] = ContactLists.Entry(reference: "texted us first, 2026-11-02") }
        }

        var engine: SyncEngine {
            var engine = base.engine
            engine.crewCalendars = [crew]
            return engine
        }

        @discardableResult
        func sync(at now: Date, _ calls: [Call] = []) throws -> SyncPlan {
            base.source.add(calls)
            let run = try engine.prepare(now: now)
            try engine.apply(run, finishedAt: now)
            return run.plan
        }

        func row(phone: String) -> SheetCells? {
            base.sheet.current?.contents.rows.values.first { $0.cells[.phone] == phone }?.cells
        }
    }

    static let leak = Fixtures.missed(
        "c1", from: "+15125550142", at: Fixtures.central(20, 9), voicemail: "Hi, this is Maria Lopez, water is leaking under the sink, 78704")
    /// Friday 17:00: the first window is Monday.
    static let friday = Fixtures.central(20, 17)

    @Test func aRoutineLeadGetsTwoRealWindowsInItsMessage() throws {
        let workspace = Workspace()
        workspace.crew.addBusy("Plumbers", from: Fixtures.central(23, 8), to: Fixtures.central(23, 11))
        try workspace.sync(at: Self.friday, [Self.leak])
        let row = try #require(workspace.row(phone: "+15125550142"))
        #expect(row[.status] == "New missed call")
        #expect(row[.offeredWindows] == "Mon Nov 23, 11:30 AM-1:00 PM (Plumbers); Tue Nov 24, 8:00-9:30 AM (Plumbers)")
        #expect(
            row[.suggestedMessage]
                == "Call: Hi Maria, this is Test Plumbing returning your call. We can help with that. I have Mon Nov 23, 11:30 AM-1:00 PM or Tue Nov 24, 8:00-9:30 AM available. Which works better?"
        )
        #expect(row[.consentSourceNote]?.hasSuffix("no SMS consent on record") == true)
    }

    @Test func withSMSConsentOnRecordTheMessageIsAText() throws {
        let workspace = Workspace(consent: ["+15125550142"])
        try workspace.sync(at: Self.friday, [Self.leak])
        let row = try #require(workspace.row(phone: "+15125550142"))
        #expect(
            row[.suggestedMessage]?.hasPrefix("Text: Hi Maria, this is Test Plumbing. We can help with that. I have Mon Nov 23, 8:00-9:30 AM or")
                == true)
        #expect(row[.consentSourceNote]?.hasSuffix("SMS consent on record (texted us first, 2026-11-02)") == true)
    }

    @Test func noWindowInTheHorizonGoesToAPerson() throws {
        let workspace = Workspace()
        workspace.crew.addBusy("Plumbers", from: Fixtures.central(21, 0), to: Fixtures.central(30, 0))
        try workspace.sync(at: Self.friday, [Self.leak])
        let row = try #require(workspace.row(phone: "+15125550142"))
        #expect(row[.offeredWindows] == "None: nothing free in the next 7 days; a person books it")
        #expect(row[.status] == "Staff review")
        #expect(row[.nextAction] == "Book by hand: nothing free in the next 7 days")
        #expect(row[.suggestedMessage]?.contains("Nov") == false)
    }

    @Test func windowsAreRefreshedEachRunAndNeverInThePast() throws {
        let workspace = Workspace()
        let monday = Fixtures.missed(
            "m1", from: "+15125550146", at: Fixtures.central(23, 7, 30), voicemail: "This is Ana Ruiz, the kitchen faucet is leaking, 78704")
        // Monday 07:45 with two hours' notice: 10:00 is the first start on the grid.
        try workspace.sync(at: Fixtures.central(23, 7, 45), [monday])
        #expect(
            workspace.row(phone: "+15125550146")?[.offeredWindows] == "Mon Nov 23, 10:00-11:30 AM (Plumbers); Tue Nov 24, 8:00-9:30 AM (Plumbers)")
        // At 10:15 the morning has gone by: the next windows start after 12:15.
        let later = Fixtures.central(23, 10, 15)
        let plan = try workspace.sync(at: later)
        let row = try #require(workspace.row(phone: "+15125550146"))
        #expect(row[.offeredWindows] == "Mon Nov 23, 12:30-2:00 PM (Plumbers); Tue Nov 24, 8:00-9:30 AM (Plumbers)")
        #expect(row[.suggestedMessage]?.contains("I have Mon Nov 23, 12:30-2:00 PM or Tue Nov 24, 8:00-9:30 AM available") == true)
        #expect(plan.sheets[0].updates.contains { $0.changes.contains { $0.column == .offeredWindows } })
        // A job put on the crew calendar is busy on the next run.
        workspace.crew.addBusy("Plumbers", from: Fixtures.central(23, 12), to: Fixtures.central(23, 17))
        try workspace.sync(at: later)
        #expect(workspace.row(phone: "+15125550146")?[.offeredWindows] == "Tue Nov 24, 8:00-9:30 AM (Plumbers); Wed Nov 25, 8:00-9:30 AM (Plumbers)")
        // The same moment again writes nothing.
        #expect(!(try workspace.sync(at: later)).hasChanges)
    }

    /// The crew does one job at a time: the lead due first gets the earliest windows, the next lead the
    /// next free ones (clear of the first lead's by the travel buffer).
    @Test func twoLeadsAreNeverOfferedTheSameWindow() throws {
        let workspace = Workspace()
        let later = Fixtures.missed(
            "c3", from: "+15125550143", at: Fixtures.central(20, 10), voicemail: "Hi, this is Ana Ruiz, the toilet is leaking, 78704")
        try workspace.sync(at: Self.friday, [later, Self.leak])
        let first = try #require(workspace.row(phone: "+15125550142"))
        let second = try #require(workspace.row(phone: "+15125550143"))
        #expect(first[.dueBy]! < second[.dueBy]!)
        #expect(first[.offeredWindows] == "Mon Nov 23, 8:00-9:30 AM (Plumbers); Tue Nov 24, 8:00-9:30 AM (Plumbers)")
        #expect(second[.offeredWindows] == "Mon Nov 23, 10:00-11:30 AM (Plumbers); Tue Nov 24, 10:00-11:30 AM (Plumbers)")
        #expect(second[.suggestedMessage]?.contains("Mon Nov 23, 10:00-11:30 AM or Tue Nov 24, 10:00-11:30 AM") == true)
        #expect(!(try workspace.sync(at: Self.friday)).hasChanges, "the same run again hands out the same windows")
    }

    /// Windows the office may already have offered a caller stay theirs: a lead that came in later but is
    /// due sooner (the first caller is awaiting a reply, due again from the callback attempt) gets others.
    @Test func windowsStillShownFromAnEarlierRunAreHeldForTheirLead() throws {
        let workspace = Workspace()
        let morning = Fixtures.missed(
            "a1", from: "+15125550142", at: Fixtures.central(20, 9), voicemail: "Hi, this is Maria Lopez, water is leaking under the sink, 78704")
        try workspace.sync(at: Fixtures.central(20, 9, 5), [morning])
        let offered = "Fri Nov 20, 11:30 AM-1:00 PM (Plumbers); Mon Nov 23, 8:00-9:30 AM (Plumbers)"
        #expect(workspace.row(phone: "+15125550142")?[.offeredWindows] == offered)
        let newcomer = Fixtures.missed(
            "b1", from: "+15125550143", at: Fixtures.central(20, 9, 10), voicemail: "Hi, this is Ana Ruiz, the toilet is leaking, 78704")
        let callback = Fixtures.unanswered("a2", to: "+15125550142", at: Fixtures.central(20, 9, 20))
        try workspace.sync(at: Fixtures.central(20, 9, 30), [newcomer, callback])
        let first = try #require(workspace.row(phone: "+15125550142"))
        let second = try #require(workspace.row(phone: "+15125550143"))
        #expect(first[.status] == "Awaiting reply")
        #expect(second[.dueBy]! < first[.dueBy]!, "the newcomer is due first")
        #expect(first[.offeredWindows] == offered)
        #expect(second[.offeredWindows] == "Fri Nov 20, 1:30-3:00 PM (Plumbers); Mon Nov 23, 10:00-11:30 AM (Plumbers)")
        // Once the first caller is booked on the crew calendar, their other window is free for the next caller.
        workspace.crew.addJob(
            CrewJobEvent(crew: "Plumbers", start: Fixtures.central(23, 8), end: Fixtures.central(23, 9, 30), title: "Maria Lopez sink"))
        let third = Fixtures.missed(
            "c1", from: "+15125550144", at: Fixtures.central(20, 9, 25), voicemail: "Hi, this is Sam Lee, the shower drain is leaking, 78704")
        try workspace.sync(at: Fixtures.central(20, 9, 30), [third])
        #expect(workspace.row(phone: "+15125550142")?[.status] == "Booked")
        #expect(workspace.row(phone: "+15125550143")?[.offeredWindows] == second[.offeredWindows], "still shown, still held")
        #expect(
            workspace.row(phone: "+15125550144")?[.offeredWindows]
                == "Fri Nov 20, 11:30 AM-1:00 PM (Plumbers); Mon Nov 23, 12:00-1:30 PM (Plumbers)")
    }

    @Test func aJobOnTheCrewCalendarBooksTheLeadAndCancelsItsCallback() throws {
        let workspace = Workspace()
        try workspace.sync(at: Self.friday, [Self.leak])
        #expect(workspace.base.calendar.events.values.contains { $0.event.kind == .callback && !$0.event.cancelled })
        workspace.crew.addJob(
            CrewJobEvent(
                crew: "Plumbers", start: Fixtures.central(24, 13), end: Fixtures.central(24, 14, 30), title: "Sink leak",
                details: "Customer (512) 555-0142, gate code 1234"))
        try workspace.sync(at: Fixtures.central(21, 9))
        let row = try #require(workspace.row(phone: "+15125550142"))
        #expect(row[.status] == "Booked")
        #expect(row[.appointment] == "2026-11-24 13:00")
        #expect(row[.offeredWindows] == "")
        #expect(row[.suggestedMessage] == "")
        let events = workspace.base.calendar.events.values.map(\.event)
        #expect(events.first { $0.kind == .callback }?.cancelled == true)
        #expect(events.first { $0.kind == .job }?.start == Fixtures.central(24, 13))
    }

    /// The crew drags the job that booked the lead to another day: the Appointment and the job event follow.
    @Test func aCrewJobThatFilledTheAppointmentIsFollowedWhenTheCrewMovesIt() throws {
        let workspace = Workspace()
        try workspace.sync(at: Self.friday, [Self.leak])
        workspace.crew.addJob(
            CrewJobEvent(crew: "Plumbers", start: Fixtures.central(24, 13), end: Fixtures.central(24, 14, 30), title: "Sink leak (512) 555-0142"))
        try workspace.sync(at: Fixtures.central(21, 9))
        #expect(workspace.row(phone: "+15125550142")?[.appointment] == "2026-11-24 13:00")
        workspace.crew.moveJobs(where: { $0.title.hasPrefix("Sink leak") }, to: Fixtures.central(25, 9), end: Fixtures.central(25, 10, 30))
        let plan = try workspace.sync(at: Fixtures.central(21, 10))
        let row = try #require(workspace.row(phone: "+15125550142"))
        #expect(row[.appointment] == "2026-11-25 09:00")
        #expect(row[.status] == "Booked")
        #expect(
            plan.sheets[0].notes.contains {
                $0.contains("the crew moved the job on the Plumbers calendar: Appointment \"2026-11-24 13:00\" -> \"2026-11-25 09:00\"")
            })
        #expect(workspace.base.calendar.events.values.first { $0.event.kind == .job && !$0.event.cancelled }?.event.start == Fixtures.central(25, 9))
        #expect(!(try workspace.sync(at: Fixtures.central(21, 10))).hasChanges)
        // Moved again: followed again.
        workspace.crew.moveJobs(where: { $0.title.hasPrefix("Sink leak") }, to: Fixtures.central(26, 8), end: Fixtures.central(26, 9, 30))
        try workspace.sync(at: Fixtures.central(21, 11))
        #expect(workspace.row(phone: "+15125550142")?[.appointment] == "2026-11-26 08:00")
    }

    /// The office typed its own Appointment over the crew's: a later move on the crew calendar is told, not followed.
    @Test func anAppointmentTheOfficeTypedOverTheCrewsJobIsNotMovedByTheCrew() throws {
        let workspace = Workspace()
        try workspace.sync(at: Self.friday, [Self.leak])
        workspace.crew.addJob(
            CrewJobEvent(crew: "Plumbers", start: Fixtures.central(24, 13), end: Fixtures.central(24, 14, 30), title: "Sink leak (512) 555-0142"))
        try workspace.sync(at: Fixtures.central(21, 9))
        let id = try #require(workspace.row(phone: "+15125550142")?[.leadID])
        workspace.base.sheet.type("2026-11-27 10:00", lead: id, column: .appointment)
        workspace.crew.moveJobs(where: { $0.title.hasPrefix("Sink leak") }, to: Fixtures.central(25, 9), end: Fixtures.central(25, 10, 30))
        let plan = try workspace.sync(at: Fixtures.central(21, 10))
        #expect(workspace.row(phone: "+15125550142")?[.appointment] == "2026-11-27 10:00")
        let told = plan.sheets[0].notes.filter { $0.hasPrefix(id) && $0.contains("the office's wins") }
        #expect(
            told == [
                "\(id) the crew calendar has the job at 2026-11-25 09:00, but the office typed \"2026-11-27 10:00\" in Appointment since; the office's wins"
            ])
        #expect(PlanTextRenderer(time: LocalTimeText(zone: Fixtures.zone)).render(plan).contains("  ! \(told[0])"))
        // The office's appointment is theirs from now on: the crew's next move changes nothing, and is not told again.
        workspace.crew.moveJobs(where: { $0.title.hasPrefix("Sink leak") }, to: Fixtures.central(26, 9), end: Fixtures.central(26, 10, 30))
        let again = try workspace.sync(at: Fixtures.central(21, 11))
        #expect(workspace.row(phone: "+15125550142")?[.appointment] == "2026-11-27 10:00")
        #expect(!again.sheets[0].notes.contains { $0.hasPrefix(id) })
    }

    /// The crew deletes the job: the Appointment empties, the lead is open for a callback again, and the
    /// job event is cancelled.
    @Test func aCrewJobRemovedFromTheCrewCalendarReopensTheLead() throws {
        let workspace = Workspace()
        try workspace.sync(at: Self.friday, [Self.leak])
        workspace.crew.addJob(
            CrewJobEvent(crew: "Plumbers", start: Fixtures.central(24, 13), end: Fixtures.central(24, 14, 30), title: "Sink leak (512) 555-0142"))
        try workspace.sync(at: Fixtures.central(20, 17, 20))
        #expect(workspace.row(phone: "+15125550142")?[.status] == "Booked")
        // A calendar that cannot be read this run says nothing about the job.
        workspace.crew.failing["Plumbers"] = "timed out"
        try workspace.sync(at: Fixtures.central(20, 17, 30))
        #expect(workspace.row(phone: "+15125550142")?[.appointment] == "2026-11-24 13:00")
        workspace.crew.failing = [:]
        workspace.crew.removeJobs { $0.title.hasPrefix("Sink leak") }
        let plan = try workspace.sync(at: Fixtures.central(20, 17, 40))
        let row = try #require(workspace.row(phone: "+15125550142"))
        #expect(row[.appointment] == "")
        #expect(row[.status] == "New missed call")
        #expect(
            plan.sheets[0].notes.contains { $0.contains("the crew removed the job from their calendar") && $0.contains("open for a callback again") })
        let events = workspace.base.calendar.events.values.map(\.event)
        #expect(events.filter { $0.kind == .job }.allSatisfy { $0.cancelled })
        #expect(events.contains { $0.kind == .callback && !$0.cancelled })
        #expect(row[.offeredWindows]?.contains("Plumbers") == true, "offered windows again")
    }

    /// The caller's earlier lead, which the office closed, is not booked by the job of their new one.
    @Test func aJobBooksTheCallersOpenLeadNotTheOneTheOfficeClosed() throws {
        let workspace = Workspace()
        try workspace.sync(at: Self.friday, [Self.leak])
        let first = try #require(workspace.row(phone: "+15125550142")?[.leadID])
        workspace.base.sheet.type("Closed - not a fit", lead: first, column: .status)
        let again = Fixtures.missed("c2", from: "+15125550142", at: Fixtures.central(20, 17, 30), voicemail: "Maria again, still leaking")
        try workspace.sync(at: Fixtures.central(20, 18), [again])
        workspace.crew.addJob(
            CrewJobEvent(crew: "Plumbers", start: Fixtures.central(24, 13), end: Fixtures.central(24, 14, 30), title: "Sink leak (512) 555-0142"))
        try workspace.sync(at: Fixtures.central(21, 9))
        let rows = try #require(workspace.base.sheet.current?.contents.rows)
        #expect(rows[first]?.cells[.status] == "Closed - not a fit")
        #expect(rows[first]?.cells[.appointment] == "")
        let second = try #require(rows.values.first { $0.leadID != first && $0.cells[.phone] == "+15125550142" })
        #expect(second.cells[.status] == "Booked")
        #expect(workspace.base.calendar.events.values.filter { $0.event.kind == .job }.count == 1)
    }

    @Test func aJobNamingTheLeadIDOrTheCallerBooksItButAnOlderJobDoesNot() throws {
        let workspace = Workspace()
        try workspace.sync(at: Self.friday, [Self.leak])
        let id = try #require(workspace.row(phone: "+15125550142")?[.leadID])
        workspace.crew.addJob(
            CrewJobEvent(crew: "Plumbers", start: Fixtures.central(19, 9), end: Fixtures.central(19, 10), title: "Maria Lopez faucet"))
        try workspace.sync(at: Fixtures.central(21, 9))
        #expect(workspace.row(phone: "+15125550142")?[.status] == "New missed call")
        workspace.crew.addJob(CrewJobEvent(crew: "Plumbers", start: Fixtures.central(25, 9), end: Fixtures.central(25, 10), title: "Leak \(id)"))
        try workspace.sync(at: Fixtures.central(21, 10))
        #expect(workspace.row(phone: "+15125550142")?[.appointment] == "2026-11-25 09:00")
    }

    @Test func anAppointmentTheOfficeTypedWinsOverTheCrewCalendar() throws {
        let workspace = Workspace()
        try workspace.sync(at: Self.friday, [Self.leak])
        let id = try #require(workspace.row(phone: "+15125550142")?[.leadID])
        workspace.base.sheet.type("2026-11-26 10:00", lead: id, column: .appointment)
        workspace.crew.addJob(CrewJobEvent(crew: "Plumbers", start: Fixtures.central(24, 13), end: Fixtures.central(24, 14), title: "Maria Lopez"))
        try workspace.sync(at: Fixtures.central(21, 9))
        #expect(workspace.row(phone: "+15125550142")?[.appointment] == "2026-11-26 10:00")
        #expect(workspace.base.calendar.events.values.first { $0.event.kind == .job }?.event.start == Fixtures.central(26, 10))
    }

    @Test func anUnreadableCrewCalendarIsNamedInTheNotes() throws {
        let workspace = Workspace()
        workspace.crew.failing["Plumbers"] = "cannot read crews/plumbers.ics"
        let plan = try workspace.sync(at: Self.friday, [Self.leak])
        #expect(plan.sheets[0].notes.contains { $0.contains("crew calendar `Plumbers` could not be read") })
        #expect(workspace.row(phone: "+15125550142")?[.status] == "Staff review")
    }

    @Test func scriptsFollowStatusAndCallerType() throws {
        let workspace = Workspace()
        try workspace.sync(
            at: Self.friday,
            [
                Fixtures.missed(
                    "e1", from: "+15125550150", at: Fixtures.central(20, 9), voicemail: "There is an active leak, water everywhere, 78704"),
                Fixtures.missed("q1", from: "+15125550151", at: Fixtures.central(20, 10), voicemail: "We want an estimate for a remodel, 78751"),
                Fixtures.missed("w1", from: "+15125550152", at: Fixtures.central(20, 11), voicemail: "Sorry, wrong number"),
                Fixtures.missed("n1", from: "+15125550153", at: Fixtures.central(20, 12)),
            ])
        #expect(workspace.row(phone: "+15125550150")?[.suggestedMessage]?.contains("marking this urgent") == true)
        #expect(workspace.row(phone: "+15125550151")?[.suggestedMessage]?.contains("prepare the estimate") == true)
        #expect(workspace.row(phone: "+15125550152")?[.suggestedMessage]?.contains("outside what we handle") == true)
        #expect(
            workspace.row(phone: "+15125550153")?[.suggestedMessage]
                == "Call: Hi, this is Test Plumbing returning your call. What do you need help with, and what is the service address or ZIP?")
        #expect(workspace.row(phone: "+15125550153")?[.offeredWindows] == "")
    }
}
