import Foundation
import RingbackCore
import RingbackEmulator
import RingbackJSON
import Testing

@testable import RingbackSync

/// The sample sync against Google Sheets and Calendar on the local emulator, through the real REST clients.
@Suite struct GoogleSyncTests {
    @Test func theFirstSyncBuildsTheSameSheetAsTheOfflineOneAndATabTheOfficeCanUse() throws {
        let google = try GoogleWorkspace()
        let plan = try google.sync()
        #expect(plan.sheets.first?.creates.count == 14)

        let offline = try SampleWorkspace()
        defer { offline.remove() }
        try offline.sync()
        let expected = try offline.sheet().map { $0.filter { $0.key != "Last Synced" } }
        let found = google.sheet().map { $0.filter { $0.key != "Last Synced" } }
        #expect(found.count == expected.count)
        #expect(Set(found) == Set(expected))

        let properties = try #require(google.emulator.sheetProperties(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls"))
        #expect(properties["gridProperties"]?["frozenRowCount"]?.int == 1)
        let rules = google.emulator.dataValidations(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls")
        #expect(rules.contains { $0.text.contains("Closed - no response") && $0.text.contains("ONE_OF_LIST") })

        let events = google.events()
        let total = events.values.reduce(0) { $0 + $1.count }
        #expect(total == plan.calendars.first?.creates.count)
        for event in events.values.flatMap({ $0 }) {
            #expect(event["extendedProperties"]?["private"]?["ringbackLeadId"]?.string?.hasPrefix("RB-") == true)
            #expect(event["start"]?["timeZone"] == "America/Chicago")
        }
        #expect(events[GoogleWorkspace.onCallCalendar]?.isEmpty == true, "no open lead of the samples is the on-call tech's")
    }

    @Test func aLeadGivenToAnOwnerWithTheirOwnCalendarMovesThere() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        let lead = try #require(google.sheet().first { $0["Status"] == "New missed call" && $0["Owner"] == "Office manager" }?["Lead ID"])
        let leadsEvents = { (calendar: String) in
            google.events(includingCancelled: true)[calendar]?.filter { $0["extendedProperties"]?["private"]?["ringbackLeadId"]?.string == lead }
                ?? []
        }
        #expect(leadsEvents(GoogleWorkspace.officeCalendar).map { $0["status"] } == ["confirmed"])
        try google.type("On-call tech", lead: lead, column: "Owner")
        try google.sync()
        #expect(leadsEvents(GoogleWorkspace.officeCalendar).map { $0["status"] } == ["cancelled"])
        let moved = leadsEvents(GoogleWorkspace.onCallCalendar)
        #expect(moved.map { $0["status"] } == ["confirmed"])
        #expect(moved.first?["description"]?.string?.contains("Owner: On-call tech") == true)
    }

    @Test func aSecondSyncReadsOnceAndWritesNothing() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        google.emulator.resetCounts()
        let plan = try google.sync()
        #expect(!plan.hasChanges)
        let counts = google.requestCounts().filter { $0.key != "token" }
        // One read of the sheet, one listing of each calendar, and the run's line appended to the Ringback Status tab.
        #expect(counts == ["sheets.spreadsheets.values.batchGet": 1, "calendar.events.list": 2, "sheets.spreadsheets.values.append": 1])
    }

    /// The office renames the status tab to keep it: the next run starts a new one and does not fail.
    @Test func aRenamedStatusTabIsKeptAndANewOneStarted() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        google.emulator.renameSheet(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Ringback Status", to: "Status November")
        try google.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(900))
        let kept = try #require(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Status November"))
        let fresh = try #require(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Ringback Status"))
        #expect(kept.count == 2 && fresh.count == 2)
        #expect(fresh.first == RunReport.header)
    }

    @Test func everyRunAddsALineToTheStatusTabAndRejectedRecordsHaveATab() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        try google.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(900))
        let status = try #require(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Ringback Status"))
        #expect(status.first == RunReport.header)
        #expect(status.count == 3)
        #expect(status[1][2] == "23" && status[1][4] == "2")
        #expect(status[2][2] == "0" && status[2][6].hasPrefix("No changes."))
        let rejects = try #require(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Rejected Records"))
        #expect(rejects.first == RunReport.rejectHeader)
        #expect(rejects.count == 3)
        #expect(rejects.dropFirst().allSatisfy { $0[1].hasSuffix("Master.csv") && !$0[3].isEmpty })
    }

    @Test func officeEditsInTheBrowserAreKeptAndAnAppointmentBooksTheJob() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        let lead = try #require(google.sheet().first { $0["Status"] == "New missed call" }?["Lead ID"])
        let other = try #require(google.sheet().last { $0["Status"] == "New missed call" && $0["Lead ID"] != lead }?["Lead ID"])
        try google.type("11/24/2026 9:30 AM", lead: lead, column: "Appointment")
        try google.type("Gate code 4411", lead: lead, column: "Notes")
        try google.type("Estimator", lead: other, column: "Owner")
        google.emulator.sortRows(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls", byColumn: 3, descending: true)

        let plan = try google.sync()
        let row = try #require(google.row(lead))
        #expect(row["Status"] == "Booked")
        #expect(row["Notes"] == "Gate code 4411")
        #expect(google.row(other)?["Owner"] == "Estimator")
        #expect(plan.sheets.first?.pins.contains { $0.leadID == other && $0.column == .owner } == true)
        let jobs = google.events().values.flatMap { $0 }.filter { $0["summary"]?.string?.hasPrefix("Job:") == true }
        let job = try #require(jobs.first { $0["extendedProperties"]?["private"]?["ringbackLeadId"]?.string == lead })
        #expect(job["start"]?["dateTime"] == "2026-11-24T09:30:00-06:00")
        #expect(google.sheet().count == 14)
    }

    @Test func aRowTheOfficeDeletedIsNotRecreatedAndDuplicatesAreReportedNotMultiplied() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        let victim = try #require(google.sheet().first?["Lead ID"])
        let place = try #require(google.position(victim, "Lead ID"))
        google.emulator.deleteRow(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls", row: place.row)
        let copied = try #require(google.sheet().first?["Lead ID"])
        let rows = google.sheet().count
        google.emulator.type(copied, spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls", row: rows + 1, column: 0)

        let plan = try google.sync()
        let sheetPlan = try #require(plan.sheets.first)
        #expect(sheetPlan.newOfficeDeletions == [victim])
        #expect(sheetPlan.duplicateIDs == [copied])
        #expect(sheetPlan.creates.isEmpty)
        #expect(google.sheet().filter { $0["Lead ID"] == victim }.isEmpty)
        #expect(google.sheet().filter { $0["Lead ID"] == copied }.count == 2)
        try google.sync()
        #expect(google.sheet().count == rows + 1)
    }

    @Test func whatCallersSayLandsAsTextNeverAsAFormula() throws {
        let google = try GoogleWorkspace()
        try google.samples.write(
            """
            sid,parent_call_sid,start_time,from,to,direction,status,answered_by,duration,caller_name
            CA01,,"Fri, 20 Nov 2026 15:01:00 +0000",+15125550901,+15125550100,inbound,no-answer,,0,"=HYPERLINK(""http://x.example"",""call me"")"
            CA02,,"Fri, 20 Nov 2026 15:02:00 +0000",+15125550902,+15125550100,inbound,no-answer,,0,+1 512 555 0100
            CA03,,"Fri, 20 Nov 2026 15:03:00 +0000",+15125550903,+15125550100,inbound,no-answer,,0,@x
            CA04,,"Fri, 20 Nov 2026 15:04:00 +0000",+15125550904,+15125550100,inbound,no-answer,,0,-2+3

            """, to: "samples/exports/formula/calls.csv")
        try google.addSource(name: "formula", mapping: "twilio-calls-csv", files: "exports/formula/*.csv")
        try google.sync()
        let names = ["=HYPERLINK(\"http://x.example\",\"call me\")", "+1 512 555 0100", "@x", "-2+3"]
        for (index, name) in names.enumerated() {
            let phone = "+1 512-555-090\(index + 1)"
            let row = try #require(google.sheet().first { $0["Caller Name"] == name }, "row for \(name)")
            let lead = try #require(row["Lead ID"])
            let place = try #require(google.position(lead, "Caller Name"))
            #expect(
                google.emulator.cell(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls", row: place.row, column: place.column)
                    == .string(name))
            let phonePlace = try #require(google.position(lead, "Phone"))
            let phoneCell = google.emulator.cell(
                spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls", row: phonePlace.row, column: phonePlace.column)
            guard case .string(let text) = phoneCell else { Issue.record("phone stored as \(phoneCell)"); continue }
            #expect(text.hasPrefix("+1"), "\(phone) keeps its +")
        }
    }

    @Test func listsCanComeFromTabsOfTheSameSpreadsheet() throws {
        let google = try GoogleWorkspace(extraTabs: ["Customers"])
        let phone = "+15125550177"
        google.emulator.type("phone", spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Customers", row: 0, column: 0)
        google.emulator.type("name", spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Customers", row: 0, column: 1)
        google.emulator.type("5125550177", spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Customers", row: 1, column: 0)
        google.emulator.type("Rosa Delgado", spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Customers", row: 1, column: 1)
        try google.samples.write(
            """
            sid,parent_call_sid,start_time,from,to,direction,status,answered_by,duration,caller_name
            CA77,,"Fri, 20 Nov 2026 16:01:00 +0000",+15125550177,+15125550100,inbound,no-answer,,0,

            """, to: "samples/exports/extra/calls.csv")
        try google.setConfig {
            SampleWorkspace.adding(
                source: "extra", mapping: "twilio-calls-csv", files: "exports/extra/*.csv",
                to: $0.replacingOccurrences(of: "  customers: lists/customers.csv", with: "  customers: { tab: Customers }"))
        }
        try google.sync()
        let row = try #require(google.sheet().first { $0["Phone"] == phone })
        #expect(row["Caller Type"] == "Existing customer")
        #expect(row["Caller Name"] == "Rosa Delgado")
    }

    @Test func aLostStateAdoptsRowsAndEventsAndRestoresACancelledEventWithoutDuplicates() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        let before = google.events()
        let office = try #require(before[GoogleWorkspace.officeCalendar]?.first)
        let officeID = try #require(office["id"]?.string)
        google.emulator.deleteEvent(calendarID: GoogleWorkspace.officeCalendar, eventID: officeID)
        try FileManager.default.removeItem(atPath: google.samples.path("out/google-demo/ringback-state.sqlite"))

        let plan = try google.sync()
        #expect(plan.sheets.first?.creates.isEmpty == true)
        #expect(plan.sheets.first?.adopted.count == 14)
        #expect(google.sheet().count == 14)
        let after = google.events(includingCancelled: true)
        for (calendar, events) in after {
            #expect(events.count == before[calendar]?.count, "no duplicate in \(calendar)")
            #expect(events.allSatisfy { $0["status"] == "confirmed" })
        }
    }

    @Test func repeatedSyncsUnderInjectedFaultsConvergeToTheFaultFreeResult() throws {
        let clean = try GoogleWorkspace()
        try clean.sync()

        var options = EmulatorOptions()
        options.seed = 20261124
        var faults = FaultOptions()
        faults.rate = 0.2
        faults.stallSeconds = 3
        options.faults = faults
        let faulty = try GoogleWorkspace(options: options)
        var runs = 0
        for day in [SampleWorkspace.sampleNow, SampleWorkspace.sampleNow.addingTimeInterval(3600)] {
            runs += try faulty.syncUntilSuccess(at: day)
            if day == SampleWorkspace.sampleNow { try clean.sync(at: day.addingTimeInterval(3600)) }
        }
        faulty.emulator.faults = FaultOptions()
        #expect(try !faulty.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(3600)).hasChanges)

        let strip = { (rows: [[String: String]]) in Set(rows.map { $0.filter { $0.key != "Last Synced" } }) }
        #expect(faulty.sheet().count == clean.sheet().count)
        #expect(strip(faulty.sheet()) == strip(clean.sheet()))
        let ids = faulty.sheet().compactMap { $0["Lead ID"] }
        #expect(Set(ids).count == ids.count, "no duplicate row")
        func summary(_ workspace: GoogleWorkspace) -> [String: [String]] {
            workspace.events(includingCancelled: true).mapValues { events in
                events.map {
                    "\($0["id"]?.string ?? "") \($0["status"]?.string ?? "") \($0["summary"]?.string ?? "") \($0["start"]?["dateTime"]?.string ?? "")"
                }.sorted()
            }
        }
        #expect(summary(faulty) == summary(clean))
        #expect(runs >= 2)
    }

    @Test func aSheetNotSharedWithTheServiceAccountFailsWithWhatToDo() throws {
        let google = try GoogleWorkspace(shareWithRingback: false)
        let result = try CommandRunner.run(["sync", "--config", google.configPath, "--now", "2026-11-20T23:00:00Z", "--quiet"])
        #expect(result.status == 5)
        #expect(result.stderr.contains("403"))
        #expect(result.stderr.contains(GoogleWorkspace.account))
        #expect(!result.stderr.contains("PRIVATE KEY"))
    }

    @Test func aBrokenKeyFileStopsTheConfigurationNamingTheField() throws {
        let google = try GoogleWorkspace()
        try google.samples.write(
            #"{"type":"service_account","client_email":"x@y","token_uri":"http://127.0.0.1:1/token"}"#,
            to: "out/google-demo/service-account.json")
        let result = try CommandRunner.run(["validate", "--config", google.configPath])
        #expect(result.status == 3)
        #expect(result.stderr.contains("private_key"))
    }

    @Test func aDeletedTabComesBackFromTheStateWithTheOfficesWork() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        let lead = try #require(google.sheet().first { $0["Status"] == "New missed call" }?["Lead ID"])
        try google.type("11/24/2026 9:30 AM", lead: lead, column: "Appointment")
        try google.type("Gate code 4411", lead: lead, column: "Notes")
        try google.sync()
        // This lead's job (Karen Mills's, booked on the sample crew calendar, is another).
        let jobs = {
            google.events().values.flatMap { $0 }.filter {
                $0["summary"]?.string?.hasPrefix("Job:") == true && $0["extendedProperties"]?["private"]?["ringbackLeadId"]?.string == lead
            }
        }
        #expect(jobs().count == 1)
        google.emulator.deleteSheet(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls")

        let plan = try google.sync()
        #expect(plan.sheets.first?.creates.isEmpty == true)
        #expect(plan.sheets.first?.notes.contains { $0.contains("restored from the last sync") } == true)
        #expect(google.sheet().count == 14)
        #expect(google.row(lead)?["Notes"] == "Gate code 4411")
        #expect(google.row(lead)?["Status"] == "Booked")
        #expect(jobs().count == 1, "the booked job is kept")
        #expect(try !google.sync().hasChanges)
    }

    @Test func aClearedHeaderRowStopsTheRunInsteadOfLosingTheRows() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        for column in 0..<SheetColumn.count {
            google.emulator.type("", spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls", row: 0, column: column)
        }
        #expect {
            try google.sync()
        } throws: { error in
            "\(error)".contains("row 1 is empty")
        }
        #expect(google.events().values.reduce(0) { $0 + $1.count } == 10, "no event was cancelled")
    }

    @Test func rowsTheOfficeMovesWhileRingbackRunsAreStillWrittenToTheirLead() throws {
        /// Two repeat calls from leads already in the sheet, read by the second run.
        func addRepeatCalls(_ workspace: GoogleWorkspace) throws {
            try workspace.samples.write(
                """
                sid,parent_call_sid,start_time,from,to,direction,status,answered_by,duration,caller_name
                CR01,,"Fri, 20 Nov 2026 22:10:00 +0000",+15125550142,+15125550100,inbound,no-answer,,0,
                CR02,,"Fri, 20 Nov 2026 22:20:00 +0000",+15125550122,+15125550100,inbound,no-answer,,0,

                """, to: "samples/exports/repeat/calls.csv")
            try workspace.addSource(name: "repeat", mapping: "twilio-calls-csv", files: "exports/repeat/*.csv")
        }
        let google = try GoogleWorkspace()
        try google.sync()
        try addRepeatCalls(google)
        let engine = try google.engine()
        let run = try engine.prepare(now: SampleWorkspace.sampleNow)
        #expect(run.plan.sheets.first?.updates.count == 2)
        google.emulator.sortRows(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls", byColumn: 3, descending: true)
        google.emulator.deleteRow(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls", row: 1)
        try engine.apply(run, finishedAt: SampleWorkspace.sampleNow)

        let fresh = try GoogleWorkspace()
        try fresh.sync()
        try addRepeatCalls(fresh)
        try fresh.sync()
        let strip = { (rows: [[String: String]]) in Set(rows.map { $0.filter { $0.key != "Last Synced" } }) }
        let moved = strip(google.sheet())
        #expect(moved.count == 13)
        #expect(moved.isSubset(of: strip(fresh.sheet())), "every row holds its own lead's values")
    }

    @Test func theEmulatorAddressMustBeOnThisMachine() throws {
        let google = try GoogleWorkspace()
        try google.setConfig { $0.replacingOccurrences(of: google.base.absoluteString, with: "http://sheets.example.com:8089") }
        #expect {
            _ = try ConfigLoader.load(path: google.configPath)
        } throws: { error in
            "\(error)".contains("must be on this machine")
        }
    }

    @Test func eventsACalendarRefusesAreRetriedAloneWhileTheRestIsRecorded() throws {
        let google = try GoogleWorkspace(shareOnCall: false)
        try google.sync()
        let lead = try #require(google.sheet().first { $0["Status"] == "New missed call" && $0["Owner"] == "Office manager" }?["Lead ID"])
        try google.type("On-call tech", lead: lead, column: "Owner")
        #expect {
            try google.sync()
        } throws: { error in
            "\(error)".contains("1 of 2 calendar writes failed") && "\(error)".contains(lead)
        }
        let again = try google.engine().prepare(now: SampleWorkspace.sampleNow).plan
        #expect(again.sheets.first?.writesTarget == false, "the sheet change was recorded")
        #expect(again.calendars.first.map { $0.creates.count + $0.updates.count + $0.cancels.count } == 1, "only the refused event is planned again")
    }

    @Test func aListTabMissingFromTheSpreadsheetIsNamed() throws {
        let google = try GoogleWorkspace()
        try google.setConfig { $0.replacingOccurrences(of: "  customers: lists/customers.csv", with: "  customers: { tab: Customers }") }
        let result = try CommandRunner.run(["sync", "--config", google.configPath, "--now", "2026-11-20T23:00:00Z", "--quiet"])
        #expect(result.status == 5)
        #expect(result.stderr.contains("list tab") && result.stderr.contains("Customers"))
        #expect(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Missed Calls") == nil, "nothing written")
    }
}
