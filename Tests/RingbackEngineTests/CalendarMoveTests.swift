import Foundation
import RingbackCore
import RingbackNormalisation
import RingbackSync
import RingbackTesting
import Testing

/// An event the crew moves from one of Ringback's calendars to another (same UID gone from one, found in
/// the other) is followed: not re-created where it was, not taken as deleted, managed where it is now.
@Suite struct CalendarMoveTests {
    struct TwoCalendars {
        var base = EngineWorkspace()
        let office = InMemoryCalendar(label: "office", readsBack: true)
        let crew = InMemoryCalendar(label: "crew", readsBack: true)

        var engine: SyncEngine {
            SyncEngine(
                sources: [base.source], sheet: base.sheet, calendars: [office, crew], store: base.store,
                planner: RunPlanner(rules: base.rules, phones: try! PhoneNormaliser(defaultCountry: "US")), rejectsPath: nil)
        }

        @discardableResult
        func sync(at now: Date, _ calls: [Call] = []) throws -> SyncPlan {
            base.source.add(calls)
            let run = try engine.prepare(now: now)
            try engine.apply(run, finishedAt: now)
            return run.plan
        }
    }

    /// The leak caller's lead with a job booked at 9:00 on the 24th, written to both calendars.
    func booked(_ workspace: TwoCalendars) throws -> (lead: String, job: String) {
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        let lead = try #require(workspace.base.leadID(phone: "+15125550142"))
        workspace.base.sheet.type("2026-11-24 09:00", lead: lead, column: .appointment)
        try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(60))
        let job = LeadEventBuilder.uid(leadID: lead, kind: .job)
        #expect(workspace.office.events[job] != nil && workspace.crew.events[job] != nil)
        return (lead, job)
    }

    @Test func aCallbackMovedToAnotherCalendarIsNotRecreatedNorTakenAsDeleted() throws {
        let workspace = TwoCalendars()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        let lead = try #require(workspace.base.leadID(phone: "+15125550143"))
        let callback = LeadEventBuilder.uid(leadID: lead, kind: .callback)
        // The crew deleted their copy earlier; then they move the office's copy over to their calendar.
        workspace.crew.delete(callback)
        let deleted = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(60))
        #expect(deleted.calendars[1].crewChanges.map(\.kind) == [.removed])
        workspace.office.move(callback, to: workspace.crew)

        let plan = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(120))
        #expect(plan.calendars[0].crewChanges.map(\.kind) == [.movedAway])
        #expect(plan.calendars[0].crewChanges.first?.event.movedTo == "crew")
        #expect(plan.calendars.allSatisfy { $0.isEmpty }, "nothing re-created, nothing cancelled")
        #expect(plan.crewRemovals == 0)
        #expect(workspace.office.events[callback] == nil)
        #expect(workspace.crew.events[callback]?.isLive == true)
        let again = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(180))
        #expect(again.calendars.allSatisfy { $0.isEmpty && $0.crewChanges.isEmpty })
        #expect(workspace.office.events[callback] == nil)

        // Managed where it is now: the office closes the lead, and the crew's calendar cancels it.
        workspace.base.sheet.type("Closed - no response", lead: lead, column: .status)
        let closed = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(240))
        #expect(closed.calendars[1].cancels.map(\.new.uid) == [callback])
        #expect(closed.calendars[0].cancels.isEmpty)
        #expect(workspace.office.events[callback] == nil)
    }

    @Test func aJobMovedToAnotherCalendarAndInTimeKeepsItsLeadBookedAtTheNewTime() throws {
        let workspace = TwoCalendars()
        let (lead, job) = try booked(workspace)
        // The crew deletes their copy (the lead reopens); the office books the same time again, which
        // puts the job back on the office's calendar only.
        workspace.crew.delete(job)
        try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(120))
        workspace.base.sheet.type("2026-11-24 09:00", lead: lead, column: .appointment)
        try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(180))
        #expect(workspace.office.events[job]?.isLive == true && workspace.crew.events[job] == nil)

        // Then the crew moves the office's copy to their own calendar, and to the next afternoon.
        let zone = Fixtures.zone
        let moved = DateInterval(
            start: zone.date(from: LocalDateTime(year: 2026, month: 11, day: 25, hour: 13, minute: 0)),
            end: zone.date(from: LocalDateTime(year: 2026, month: 11, day: 25, hour: 15, minute: 0)))
        workspace.office.move(job, to: workspace.crew, times: moved)
        let plan = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(300))
        #expect(plan.calendars[0].crewChanges.contains { $0.uid == job && $0.kind == .movedAway })
        #expect(plan.calendars[1].crewChanges.contains { $0.uid == job && $0.kind == .moved })
        #expect(plan.calendars.allSatisfy { !$0.creates.contains { $0.uid == job } && !$0.cancels.contains { $0.new.uid == job } })
        let row = try #require(workspace.base.sheet.row(lead))
        #expect(row[.appointment] == "2026-11-25 13:00", "the Appointment follows the crew, not cleared")
        #expect(row[.status] == "Booked")
        #expect(workspace.office.events[job] == nil)
        #expect(workspace.crew.events[job]?.shown.start == moved.start)
        let again = try workspace.sync(at: EngineWorkspace.evening.addingTimeInterval(360))
        #expect(again.calendars.allSatisfy { $0.isEmpty && $0.crewChanges.isEmpty })
    }
}
