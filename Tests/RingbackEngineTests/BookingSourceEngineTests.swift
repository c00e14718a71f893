import Foundation
import RingbackCore
import RingbackSync
import RingbackTesting
import Testing

/// Jobs read from a bookings source (Jobber, Housecall Pro) book open leads by the crew calendars'
/// rule, without `booking:` rules, and stay booked on later runs that read only what is new.
@Suite struct BookingSourceEngineTests {
    struct Workspace {
        var base = EngineWorkspace()
        let jobber = InMemoryBookingSource(name: "jobber")

        var engine: SyncEngine {
            var engine = base.engine
            engine.bookingSources = [jobber]
            return engine
        }

        @discardableResult
        func sync(at now: Date, _ calls: [Call] = []) throws -> PreparedRun {
            base.source.add(calls)
            let run = try engine.prepare(now: now)
            try engine.apply(run, finishedAt: now)
            return run
        }

        func row(phone: String) -> SheetCells? {
            base.sheet.current?.contents.rows.values.first { $0.cells[.phone] == phone }?.cells
        }
    }

    static let job = CrewJobEvent(
        crew: "jobber", start: Fixtures.central(24, 13), end: Fixtures.central(24, 14), title: "Job #1042: Sink leak",
        details: "Customer: Maria Lopez\nPhone: (512) 555-0142", reference: "Jobber job #1042")

    @Test func aJobForAnOpenLeadBooksItWithTheTimeAndTheJobID() throws {
        let workspace = Workspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        #expect(workspace.row(phone: "+15125550142")?[.status] != "Booked")
        workspace.jobber.add(Self.job)
        try workspace.sync(at: Fixtures.central(21, 9))
        let row = try #require(workspace.row(phone: "+15125550142"))
        #expect(row[.status] == "Booked")
        #expect(row[.appointment] == "2026-11-24 13:00")
        #expect(row[.why]?.hasSuffix("Booked in Jobber job #1042.") == true)
        // The other callers are untouched.
        #expect(workspace.row(phone: "+15125550143")?[.status] != "Booked")
        #expect(workspace.row(phone: "+15125550143")?[.appointment] == "")
    }

    @Test func theLeadStaysBookedWhenALaterRunReadsNoNewJob() throws {
        let workspace = Workspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        workspace.jobber.add(Self.job)
        try workspace.sync(at: Fixtures.central(21, 9))
        // The next pull brings no new job, only the kept one: nothing changes.
        let again = try workspace.sync(at: Fixtures.central(21, 9))
        #expect(!again.plan.hasChanges)
        #expect(workspace.row(phone: "+15125550142")?[.status] == "Booked")
        #expect(workspace.jobber.pulls == 3)
    }

    @Test func aJobNamingNoLeadChangesNothing() throws {
        let workspace = Workspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        let before = workspace.base.sheet.current?.contents.rows
        workspace.jobber.add(
            CrewJobEvent(
                crew: "jobber", start: Fixtures.central(24, 13), end: Fixtures.central(24, 14), title: "Job #2001: Water heater",
                details: "Customer: Someone Else\nPhone: (512) 555-0999", reference: "Jobber job #2001"))
        let run = try workspace.sync(at: EngineWorkspace.evening)
        #expect(!run.plan.hasChanges)
        #expect(workspace.base.sheet.current?.contents.rows == before)
    }

    @Test func aRejectedJobIsReportedAndTheGoodOnesStillBook() throws {
        let workspace = Workspace()
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        workspace.jobber.add(Self.job)
        workspace.jobber.addReject(
            RecordReject(file: "jobber page 1", location: "data.jobs.nodes[1]", reason: "visits.nodes[0].startAt: \"soon\" is not an ISO 8601 time"))
        let run = try workspace.sync(at: Fixtures.central(21, 9))
        #expect(run.rejects.contains { $0.reason.hasPrefix("visits.nodes[0].startAt") })
        #expect(workspace.row(phone: "+15125550142")?[.status] == "Booked")
    }

    @Test func aJobBeforeTheCallDoesNotBookIt() throws {
        let workspace = Workspace()
        workspace.jobber.add(
            CrewJobEvent(
                crew: "jobber", start: Fixtures.central(18, 9), end: Fixtures.central(18, 10), title: "Job #900: Old visit",
                details: "Phone: 512-555-0142", reference: "Jobber job #900"))
        try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        #expect(workspace.row(phone: "+15125550142")?[.status] != "Booked")
    }
}
