import Foundation
import RingbackCore
import RingbackStore
import Testing

@testable import RingbackSync

/// End to end on the bundled samples: real files in, real CSV and ICS out, state in SQLite.
@Suite struct SampleSyncTests {
    @Test func theSamplesCoverEveryCallerTypeAndTheRulesPlaceEachCaller() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let plan = try workspace.sync()
        #expect(plan.ingest.filesRead == 4)
        #expect(plan.ingest.rejects == 2)
        let rows = try workspace.sheet()
        #expect(rows.count == plan.ingest.leads)
        #expect(Set(rows.map { $0["Caller Type"]! }) == Set(CallerType.allCases.map(\.rawValue)))

        func row(_ phone: String) throws -> [String: String] { try #require(try workspace.row(phone: phone)) }
        let maria = try row("+15125550142")
        #expect(maria["Attempts"] == "3")  // two Twilio misses (one repeated in page 2) and one CallRail miss
        #expect(maria["Urgency"] == "Same-day")
        #expect(maria["Status"] == "New missed call")
        #expect(try row("+17375550123")["Status"] == "Qualified")  // answered callback
        #expect(try row("+15125550188")["Status"] == "Awaiting reply")
        #expect(try row("+15125550188")["Owner"] == "Luis Garcia (lead tech)")
        #expect(try row("+15125550133")["Status"] == "Staff review")  // Monday's call nobody returned: overdue, escalated
        #expect(try row("+15125550133")["Next Action"]?.hasPrefix("Overdue, nobody has reached the caller") == true)
        #expect(try row("+15125550166")["Status"] == "Closed - not a fit")  // spam list
        #expect(try row("+18305550102")["Status"] == "Staff review")  // voicemail names a ZIP outside the area
        let priya = try row("+15125550175")
        #expect(priya["Caller Type"] == "Emergency request")
        #expect(priya["Status"] == "Staff review")
        #expect(priya["Service Type"] == "Plumbing: Leak repair")
        #expect(priya["Address or ZIP"] == "4410 Avenue B 78751")  // street and ZIP from the voicemail
        #expect(priya["Call Source"] == "Google Business Profile")
        #expect(try row("+15125550144")["Caller Type"] == "Complex quote")
        let karen = try row("+15125550191")  // Asterisk ring group: three legs, one voicemail call
        #expect(karen["Attempts"] == "1")
        // Called back from extension 102 the next morning (Awaiting reply), then booked by phone: the job on
        // samples/crews/plumbing.ics names her number, so she is Booked, her Appointment filled in.
        #expect(karen["Status"] == "Booked")
        #expect(karen["Appointment"] == "2026-11-23 13:00")
        #expect(karen["Due By"] == "")
        #expect(karen["Offered Windows"] == "" && karen["Suggested Message"] == "")
        // Alice (HVAC, on the SMS consent list): the HVAC crew's maintenance mornings and Monday's install
        // leave Tuesday and Wednesday 10:30, after the 30-minute buffer.
        let alice = try row("+15125550130")
        #expect(alice["Offered Windows"] == "Tue Nov 24, 10:30 AM-12:00 PM (HVAC crew); Wed Nov 25, 10:30 AM-12:00 PM (HVAC crew)")
        #expect(
            alice["Suggested Message"]?.hasPrefix("Text: Hi Alice, this is Lone Star Plumbing & Air. We can help with that. I have Tue Nov 24")
                == true)
        #expect(try row("+15125550142")["Suggested Message"]?.hasPrefix("Call: Hi Maria,") == true)
        #expect(try row("Anonymous")["Next Action"]?.hasPrefix("No callback number") == true)
        #expect(try row("+15125550122")["Caller Name"] == "José Ramírez")  // Latin-1 bytes in the Asterisk file
        #expect(rows.allSatisfy { $0["Phone"] != "+15125550101" && $0["Phone"] != "+15125550111" })  // own number, answered call
        #expect(try workspace.read(workspace.rejectsPath).contains("Master.csv,9,"))
    }

    @Test func aSecondRunWithNoNewInputWritesNothing() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let files = [workspace.sheetPath, workspace.calendarPath, workspace.rejectsPath]
        let before = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let stamps = try files.map { try FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as! Date }
        let runsBefore = try SQLiteStateStore(path: workspace.statePath).lastRun()

        let plan = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(60))
        #expect(!plan.hasChanges)
        #expect(!plan.hasStateChanges)
        #expect(plan.ingest.filesSkipped == 4 && plan.ingest.filesRead == 0)
        #expect(try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        #expect(try files.map { try FileManager.default.attributesOfItem(atPath: $0)[.modificationDate] as! Date } == stamps)
        #expect(try SQLiteStateStore(path: workspace.statePath).lastRun() == runsBefore)
    }

    @Test func reReadingTheSameExportUnderANewNameAddsNothing() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        try FileManager.default.copyItem(
            atPath: workspace.path("samples/exports/twilio/calls-2026-11-20-page1.json"),
            toPath: workspace.path("samples/exports/twilio/calls-2026-11-20-again.json"))
        let plan = try workspace.sync()
        #expect(plan.ingest.filesRead == 1 && plan.ingest.newCalls == 0)
        #expect(!plan.hasChanges)
    }

    /// Four days on with nobody calling back: leads with a number go to a person, with their callbacks
    /// kept; the caller who left no number is closed and their callback cancelled.
    @Test func timePassingEscalatesLeadsNobodyCalledBackAndClosesTheUnreachable() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let later = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(4 * 86400))
        #expect(try workspace.row(phone: "+15125550142")?["Status"] == "Staff review")
        #expect(try workspace.row(phone: "+15125550142")?["Next Action"]?.hasPrefix("Overdue") == true)
        #expect(!later.calendars[0].cancels.contains { $0.new.event.title.contains("Maria Lopez") })
        #expect(try workspace.row(phone: "Anonymous")?["Status"] == "Closed - no response")
        #expect(later.calendars[0].cancels.contains { $0.new.event.leadID == (try? workspace.row(phone: "Anonymous"))??["Lead ID"] })
        let ics = try workspace.read(workspace.calendarPath)
        #expect(ics.contains("STATUS:CANCELLED"))
        #expect(ics.contains("SEQUENCE:1"))
    }
}
