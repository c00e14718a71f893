import Foundation
import RingbackCore
import RingbackStore
import Testing

@testable import RingbackSync

/// Closed leads older than `archive_after_days` leave the live CSV for the archive CSV, keep their state,
/// are never re-created, and the office's edits in the archive stand.
@Suite struct ArchiveTests {
    static func workspace(days: Int) throws -> SampleWorkspace {
        let workspace = try SampleWorkspace()
        let config = try workspace.read(workspace.configPath)
            .replacingOccurrences(of: "  default_job_minutes: 120", with: "  default_job_minutes: 120\n  archive_after_days: \(days)")
        try workspace.write(config, to: "samples/ringback.yaml")
        return workspace
    }

    var archivePath: (SampleWorkspace) -> String { { $0.path("out/missed-calls-archive.csv") } }

    @Test func closedLeadsOlderThanTheAgeMoveToTheArchiveOnceAndStayThere() throws {
        let workspace = try Self.workspace(days: 3)
        defer { workspace.remove() }
        try workspace.sync()
        // The office closes Monday's lead, which nobody could reach.
        let monday = try #require(try workspace.sheet().first { ($0["Timestamp"] ?? "") < "2026-11-17" }?["Lead ID"])
        try workspace.setCell(monday, "Status", to: "Closed - no response")
        let before = try workspace.sheet()
        let closedEarly = before.filter { ($0["Status"] ?? "").hasPrefix("Closed") && ($0["Timestamp"] ?? "") < "2026-11-17" }
        #expect(closedEarly.map { $0["Lead ID"] } == [monday])
        #expect(!FileManager.default.fileExists(atPath: archivePath(workspace)), "nothing is old enough on the first run")

        let later = SampleWorkspace.sampleNow.addingTimeInterval(2 * 86400)
        let plan = try workspace.sync(at: later)
        let moved = plan.sheets[0].archives.map(\.leadID)
        let live = try workspace.sheet()
        let archived = try RingbackOfflineAccess.document(at: archivePath(workspace)).rows
        let archivedIDs = archived.map { $0[0] }
        #expect(Set(moved) == Set(archivedIDs))
        #expect(Set(closedEarly.map { $0["Lead ID"]! }).isSubset(of: Set(moved)))
        #expect(live.count + archived.count == before.count, "no row lost, none doubled")
        #expect(live.allSatisfy { !moved.contains($0["Lead ID"]!) })
        let status = SheetColumn.allCases.firstIndex(of: .status)!
        #expect(archived.allSatisfy { LeadStatus(officeText: $0[status])?.isOpen == false })

        // The office edits an archived row; later runs neither re-create the lead nor touch the archive.
        let notes = SheetColumn.allCases.firstIndex(of: .notes)!
        var document = try RingbackOfflineAccess.document(at: archivePath(workspace))
        var rows = document.rows
        rows[0][notes] = "called back in December, fine"
        document.grid = SheetGrid(header: document.header, rows: rows)
        try RingbackOfflineAccess.save(document, to: archivePath(workspace))
        let again = try workspace.sync(at: later.addingTimeInterval(86400))
        #expect(again.sheets[0].creates.isEmpty)
        #expect(Set(again.sheets[0].archives.map(\.leadID)).isDisjoint(with: moved), "a row is archived once")
        #expect(again.sheets[0].newOfficeDeletions.isEmpty, "an archived row is not a deleted one")
        #expect(try RingbackOfflineAccess.document(at: archivePath(workspace)).rows[0][notes] == "called back in December, fine")
        let archivedNow = try RingbackOfflineAccess.document(at: archivePath(workspace)).rows
        #expect(try workspace.sheet().count + archivedNow.count == before.count)
        #expect(Set(archivedNow.map { $0[0] }).count == archivedNow.count)
        #expect(!(try workspace.dryRun(at: later.addingTimeInterval(86400)).hasChanges), "and then nothing is left to do")
    }

    /// A run that stops after writing the archive but before the live file (and the state) archives the
    /// same rows again on the next run: each Lead ID is in the archive once, the office's edit in the live
    /// row meanwhile reaches it, and no row is lost.
    @Test func aRunStoppedAfterWritingTheArchiveDoesNotArchiveTwice() throws {
        let workspace = try Self.workspace(days: 3)
        defer { workspace.remove() }
        try workspace.sync()
        let monday = try #require(try workspace.sheet().first { ($0["Timestamp"] ?? "") < "2026-11-17" }?["Lead ID"])
        try workspace.setCell(monday, "Status", to: "Closed - no response")
        let before = try workspace.sheet()
        let later = SampleWorkspace.sampleNow.addingTimeInterval(2 * 86400)
        // The live file's replacement cannot be written: the run stops right after the archive was.
        let live = URL(fileURLWithPath: workspace.sheetPath)
        let blocker = live.deletingLastPathComponent().appendingPathComponent(".\(live.lastPathComponent).tmp-\(getpid())").path
        try FileManager.default.createDirectory(atPath: blocker, withIntermediateDirectories: true)
        #expect(throws: (any Error).self) { try workspace.sync(at: later) }
        try FileManager.default.removeItem(atPath: blocker)
        let first = try RingbackOfflineAccess.document(at: archivePath(workspace)).rows
        #expect(first.map { $0[0] }.contains(monday))
        #expect(try workspace.sheet().count == before.count, "the live file was not written")

        try workspace.setCell(monday, "Notes", to: "left a message on Tuesday")
        let plan = try workspace.sync(at: later)
        #expect(plan.sheets[0].archives.map(\.leadID).contains(monday))
        let archived = try RingbackOfflineAccess.document(at: archivePath(workspace)).rows
        #expect(archived.count == first.count)
        #expect(Set(archived.map { $0[0] }).count == archived.count, "no Lead ID twice")
        let notes = SheetColumn.allCases.firstIndex(of: .notes)!
        #expect(archived.first { $0[0] == monday }?[notes] == "left a message on Tuesday")
        #expect(try workspace.sheet().count + archived.count == before.count)
    }

    /// A live sheet that goes missing is rebuilt without the rows that moved to the archive.
    @Test func aRestoredSheetLeavesArchivedRowsInTheArchive() throws {
        let workspace = try Self.workspace(days: 3)
        defer { workspace.remove() }
        try workspace.sync()
        let monday = try #require(try workspace.sheet().first { ($0["Timestamp"] ?? "") < "2026-11-17" }?["Lead ID"])
        try workspace.setCell(monday, "Status", to: "Closed - no response")
        let later = SampleWorkspace.sampleNow.addingTimeInterval(2 * 86400)
        let plan = try workspace.sync(at: later)
        let moved = Set(plan.sheets[0].archives.map(\.leadID))
        #expect(moved.contains(monday))
        let live = try workspace.sheet().count
        try FileManager.default.removeItem(atPath: workspace.sheetPath)
        try workspace.sync(at: later.addingTimeInterval(600))
        let restored = try workspace.sheet()
        #expect(restored.count == live)
        #expect(restored.allSatisfy { !moved.contains($0["Lead ID"] ?? "") })
    }

    @Test func openLeadsAndFutureAppointmentsStayLive() throws {
        let workspace = try Self.workspace(days: 1)
        defer { workspace.remove() }
        try workspace.sync()
        let open = try #require(try workspace.sheet().first { $0["Status"] == "New missed call" })
        try workspace.setCell(open["Lead ID"]!, "Appointment", to: "2026-12-20 09:00")
        let plan = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(5 * 86400))
        #expect(!plan.sheets[0].archives.map(\.leadID).contains(open["Lead ID"]!))
        #expect(try workspace.row(open["Lead ID"]!)?["Status"] == "Booked")
        let live = try workspace.sheet()
        #expect(live.allSatisfy { !($0["Status"] ?? "").hasPrefix("Closed") || ($0["Timestamp"] ?? "") >= "2026-11-24" })
    }

    /// Once archived, a lead is frozen: later runs load neither its calls nor its row nor its events, an
    /// export that repeats its calls brings nothing new, and the calendar file keeps its events.
    @Test func archivedLeadsAreFrozenAndStayOutOfLaterRuns() throws {
        let workspace = try Self.workspace(days: 3)
        defer { workspace.remove() }
        try workspace.sync()
        let monday = try #require(try workspace.sheet().first { ($0["Timestamp"] ?? "") < "2026-11-17" }?["Lead ID"])
        try workspace.setCell(monday, "Status", to: "Closed - no response")
        let later = SampleWorkspace.sampleNow.addingTimeInterval(2 * 86400)
        let moved = Set(try workspace.sync(at: later).sheets[0].archives.map(\.leadID))
        #expect(moved.contains(monday))
        let calendarBefore = try workspace.read(workspace.calendarPath)
        #expect(calendarBefore.contains(monday))

        let store = try SQLiteStateStore(path: workspace.statePath)
        #expect(try store.frozenLeads(among: moved.union(["RB-NOTALEAD"])) == moved)
        let all = try store.calls(since: nil)
        let live = try store.liveCalls()
        #expect(live.count < all.count)
        let sheetLabel = try #require(try workspace.engine().sheet?.label)
        #expect(try store.liveTargetState(sheetLabel).rows.keys.allSatisfy { !moved.contains($0) })
        #expect(try store.targetState(sheetLabel).rows.filter { moved.contains($0.key) }.allSatisfy { $0.value.archived })
        // The calendar file's events of frozen leads are set apart unread on the next run.
        let calendarLabel = try #require(try workspace.engine().calendars.first?.label)
        let frozenEvents = try store.frozenEventUIDs(calendarLabel)
        #expect(frozenEvents.contains(LeadEventBuilder.uid(leadID: monday, kind: .callback)))
        #expect(frozenEvents.allSatisfy { uid in moved.contains { uid.hasPrefix("\($0)-") } })

        // The phone system exports the same calls again, in a file that differs by a blank line.
        let export = workspace.path("samples/exports/asterisk/Master.csv")
        try workspace.write(try workspace.read(export) + "\n", to: "samples/exports/asterisk/Master.csv")
        let repeated = try store.frozenCallKeys(among: all)
        #expect(repeated == Set(all.map(\.key)).subtracting(live.map(\.key)))
        let again = try workspace.sync(at: later.addingTimeInterval(86400))
        #expect(again.sheets[0].creates.isEmpty, "no archived lead comes back")
        #expect(again.ingest.newCalls == 0)
        #expect(again.calendars.allSatisfy { $0.cancels.allSatisfy { !moved.contains($0.new.event.leadID) } })
        #expect(try workspace.read(workspace.calendarPath).contains(monday), "the calendar file keeps a frozen lead's events")
        #expect(try workspace.sheet().allSatisfy { !moved.contains($0["Lead ID"] ?? "") })
    }
}
