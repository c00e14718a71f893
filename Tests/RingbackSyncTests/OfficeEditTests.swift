import Foundation
import RingbackCore
import Testing

@testable import RingbackSync

/// What the office types into the CSV is never lost, and steers the rules.
@Suite struct OfficeEditTests {
    func column(_ header: [String], _ name: String) -> Int { header.firstIndex(of: name)! }

    @Test func anOfficeEditSurvivesTheNextRunAndIsReportedAsPinned() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let id = try #require(try workspace.row(phone: "+15125550142")?["Lead ID"])
        try workspace.editSheet { header, rows in
            let index = rows.firstIndex { $0[self.column(header, "Lead ID")] == id }!
            rows[index][self.column(header, "Owner")] = "Dispatcher"
            rows[index][self.column(header, "Notes")] = "Prefers text, gate code 4411"
            rows.swapAt(0, rows.count - 1)  // the office sorts the sheet
            header.append("Office column")  // and adds a column of its own
            for i in rows.indices { rows[i].append("x\(i)") }
        }
        let plan = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(4 * 86400))
        let sheetPlan = try #require(plan.sheets.first)
        #expect(sheetPlan.newPins.map(\.column.title) == ["Owner"])
        #expect(plan.routingCorrections == 1)
        #expect(PlanTextRenderer(time: try workspace.engine().time).render(plan).contains("Owner edited by the office"))
        let row = try #require(try workspace.row(id))
        #expect(row["Owner"] == "Dispatcher")
        #expect(row["Notes"] == "Prefers text, gate code 4411")
        #expect(row["Status"] == "Staff review")  // Ringback still updates the cells it owns: overdue, escalated
        #expect(try workspace.sheet().allSatisfy { $0["Office column"]?.hasPrefix("x") == true })

        let again = try workspace.dryRun(at: SampleWorkspace.sampleNow.addingTimeInterval(4 * 86400))
        #expect(!again.hasChanges && again.newPins == 0)
    }

    @Test func aRowTheOfficeDeletedIsNotRecreatedAndItsCallbackIsCancelled() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let id = try #require(try workspace.row(phone: "+15125550142")?["Lead ID"])
        try workspace.editSheet { header, rows in rows.removeAll { $0[self.column(header, "Lead ID")] == id } }
        let plan = try workspace.sync()
        #expect(plan.sheets[0].newOfficeDeletions == [id])
        #expect(plan.summaryLine.contains("1 row deleted by the office, not re-created"))
        #expect(try workspace.row(id) == nil)
        #expect(plan.calendars[0].cancels.map(\.new.event.leadID) == [id])
        let again = try workspace.sync()
        #expect(!again.hasChanges && again.officeDeletions == 0)
        #expect(try workspace.row(id) == nil)
    }

    @Test func anAppointmentTypedByTheOfficeBooksTheLeadAndMakesAJobEvent() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let id = try #require(try workspace.row(phone: "+15125550130")?["Lead ID"])
        try workspace.setCell(id, "Appointment", to: "11/23/2026 9:30 AM")
        let plan = try workspace.sync()
        #expect(try workspace.row(id)?["Status"] == "Booked")
        #expect(try workspace.row(id)?["Appointment"] == "11/23/2026 9:30 AM")
        let calendar = plan.calendars[0]
        let job = try #require(calendar.creates.first { $0.event.kind == .job })
        #expect(job.event.leadID == id)
        #expect(job.event.start == ISO8601DateFormatter().date(from: "2026-11-23T15:30:00Z"))
        #expect(job.event.end.timeIntervalSince(job.event.start) == 120 * 60)  // Heating repair
        #expect(job.event.location == "901 W 29th St 78705")
        #expect(calendar.cancels.contains { $0.new.event.leadID == id && $0.new.event.kind == .callback })

        try workspace.setCell(id, "Appointment", to: "2026-11-24 13:00")
        let moved = try workspace.sync()
        #expect(moved.calendars[0].updates.count == 1)
        #expect(moved.calendars[0].updates[0].new.sequence == 1)
    }

    @Test func anUnreadableAppointmentIsNotedAndNothingIsLost() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let id = try #require(try workspace.row(phone: "+15125550130")?["Lead ID"])
        try workspace.setCell(id, "Appointment", to: "tuesday-ish")
        let plan = try workspace.sync()
        #expect(plan.sheets[0].notes.contains { $0.contains(id) && $0.contains("tuesday-ish") })
        #expect(try workspace.row(id)?["Appointment"] == "tuesday-ish")
        #expect(try workspace.row(id)?["Status"] == "New missed call")
    }

    @Test func theOfficesStatusStopsCallbacksAndIsNeverOverwritten() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let id = try #require(try workspace.row(phone: "+15125550142")?["Lead ID"])
        try workspace.setCell(id, "Status", to: "Closed - not a fit")
        let plan = try workspace.sync()
        #expect(plan.sheets[0].newPins.map(\.column.title) == ["Status"])
        #expect(plan.calendars[0].cancels.map(\.new.event.leadID) == [id])
        #expect(try workspace.row(id)?["Status"] == "Closed - not a fit")
    }

    @Test func aSheetFileThatWentMissingIsRestoredWithTheOfficesWork() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let maria = try #require(try workspace.row(phone: "+15125550142")?["Lead ID"])
        let alice = try #require(try workspace.row(phone: "+15125550130")?["Lead ID"])
        let karen = try #require(try workspace.row(phone: "+15125550191")?["Lead ID"])
        try workspace.editSheet { header, rows in
            let id = self.column(header, "Lead ID")
            rows[rows.firstIndex { $0[id] == maria }!][self.column(header, "Owner")] = "Dispatcher"
            rows[rows.firstIndex { $0[id] == alice }!][self.column(header, "Appointment")] = "2026-11-23 09:30"
            rows[rows.firstIndex { $0[id] == alice }!][self.column(header, "Notes")] = "Side gate"
            rows.removeAll { $0[id] == karen }
        }
        try workspace.sync()
        try FileManager.default.removeItem(atPath: workspace.sheetPath)

        let plan = try workspace.sync()
        #expect(plan.sheets[0].notes.first?.contains("rows restored from the last sync") == true)
        #expect(plan.sheets[0].creates.isEmpty)
        #expect(plan.calendars[0].cancels.isEmpty)
        #expect(try workspace.row(maria)?["Owner"] == "Dispatcher")
        #expect(try workspace.row(alice)?["Appointment"] == "2026-11-23 09:30")
        #expect(try workspace.row(alice)?["Notes"] == "Side gate")
        #expect(try workspace.row(alice)?["Status"] == "Booked")
        #expect(try workspace.row(karen) == nil)
        #expect(try workspace.sheet().count == 13)
        #expect(!(try workspace.dryRun()).hasChanges)
    }
}

@Suite struct LeadMergeTests {
    /// A late call between two leads joins the earlier one; the later lead keeps its row and calls.
    @Test func aLateCallBetweenTwoLeadsJoinsTheEarlierAndLeavesTheLaterAsItIs() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let header = "sid,parent_call_sid,start_time,from,to,direction,status,duration\n"
        try workspace.addSource(name: "console", mapping: "twilio-calls-csv", files: "exports/csv/*.csv")
        try workspace.write(
            header + """
                CM1,,"Mon, 16 Nov 2026 15:00:00 +0000",+15125550901,+15125550100,inbound,no-answer,0
                CM3,,"Fri, 20 Nov 2026 15:00:00 +0000",+15125550901,+15125550100,inbound,no-answer,0

                """, to: "samples/exports/csv/a.csv")
        try workspace.sync()
        #expect(try workspace.sheet().filter { $0["Phone"] == "+15125550901" }.count == 2)
        try workspace.write(
            header + """
                CM2,,"Wed, 18 Nov 2026 15:00:00 +0000",+15125550901,+15125550100,inbound,no-answer,0

                """, to: "samples/exports/csv/b.csv")
        let plan = try workspace.sync()
        #expect(!plan.sheets[0].notes.contains { $0.contains("no longer matches a lead") })
        let rows = try workspace.sheet().filter { $0["Phone"] == "+15125550901" }
        #expect(rows.map { $0["Attempts"] ?? "" }.sorted() == ["1", "2"])
        #expect(rows.first { $0["Attempts"] == "2" }?["Timestamp"] == "2026-11-16 09:00")
    }
}
