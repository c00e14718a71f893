import Foundation
import RingbackCore
import RingbackSync
import RingbackTesting
import Testing

/// What the run tells: warnings, rejects and failed sources reach the caller, not only a terminal.
@Suite struct RunReportingTests {
    struct Stopped: SourceFailure {
        var source: String
        var description: String { "source \(source) stopped at page 2" }
    }

    /// A source that reads its first page, then fails.
    struct FailingSource: CallSource {
        let name = "api"
        func pull(_ state: any SourceStateReading, now: Date) throws -> SourcePull {
            var pull = SourcePull(source: name)
            pull.failure = Stopped(source: name)
            return pull
        }
    }

    @Test func listTabWarningsAreInThePreparedRunWithoutATerminal() throws {
        let workspace = EngineWorkspace()
        workspace.sheet.listTabs[.customers] = [["phone", "name"], ["(512) 555-0142", "Ana"], ["not a phone", "Bo"]]
        workspace.source.add(EngineWorkspace.friday)
        let run = try workspace.engine.prepare(now: EngineWorkspace.evening)
        #expect(run.warnings == ["memory list:3: phone `not a phone` is not a number Ringback can read; row skipped"])
        let row = try #require(run.plan.sheets[0].creates.first { $0.cells[.phone] == "+15125550142" })
        #expect(row.cells[.callerType] == CallerType.existingCustomer.rawValue)
    }

    @Test func rejectsAreCountedInThePlanAndTheSummary() throws {
        let workspace = EngineWorkspace()
        workspace.source.add([], rejects: [RecordReject(file: "x.csv", location: "7", reason: "bad time")])
        let run = try workspace.engine.prepare(now: EngineWorkspace.evening)
        #expect(run.rejects.map(\.description) == ["x.csv:7: bad time"])
        #expect(run.plan.ingest.rejects == 1)
        #expect(run.plan.summaryLine.contains("1 record rejected"))
    }

    @Test func aSourceThatStoppedIsReportedAfterTheRestIsApplied() throws {
        let workspace = EngineWorkspace()
        workspace.source.add(EngineWorkspace.friday)
        let engine = SyncEngine(
            sources: [workspace.source, FailingSource()], sheet: workspace.sheet, calendars: [workspace.calendar],
            store: workspace.store, planner: workspace.engine.planner, rejectsPath: nil)
        let run = try engine.prepare(now: EngineWorkspace.evening)
        #expect(run.plan.sheets[0].notes.contains("source api stopped at page 2"))
        #expect(throws: SyncError.self) { try engine.apply(run, finishedAt: EngineWorkspace.evening) }
        #expect(workspace.sheet.current?.rows.count == 3)
        #expect(workspace.store.commits == 1)
    }

    @Test func callsReadTwiceAreOneCall() throws {
        let workspace = EngineWorkspace()
        let plan = try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday + EngineWorkspace.friday)
        #expect(plan.ingest.newCalls == 3)
        let again = try workspace.sync(at: EngineWorkspace.evening, EngineWorkspace.friday)
        #expect(again.ingest.newCalls == 0 && !again.hasChanges)
    }
}
