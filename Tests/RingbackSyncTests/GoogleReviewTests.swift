import Foundation
import RingbackCore
import RingbackEmulator
import RingbackGoogle
import RingbackJSON
import RingbackStore
import Testing

@testable import RingbackSync

/// The morning list's colours and filter view on the Missed Calls tab, and the Weekly Review tab with
/// its chart, against the emulator through the real REST clients.
@Suite struct GoogleReviewTests {
    @Test func theNewTabColoursEmergenciesAndOverdueRowsAndHasTheFilterViewOnce() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        try google.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(86400))
        let found = try #require(google.emulator.decorations(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: SheetColumn.tabName))
        let rules = found["conditionalFormats"]?.array ?? []
        #expect(rules.count == 2, "created with the tab, not on every run")
        let formulas = rules.compactMap { $0["booleanRule"]?["condition"]?["values"]?[0]?["userEnteredValue"]?.string }
        #expect(formulas == [MorningListFormatting.emergencyFormula, MorningListFormatting.overdueFormula])
        #expect(formulas[0] == "=$F2=\"Emergency request\"")
        // Due By is column O and Status column Q (after Next Action, Suggested Message, Offered Windows).
        #expect(formulas[1].contains("$O2<>\"\"") && formulas[1].contains("$Q2=\"Staff review\"") && !formulas[1].contains("Booked"))
        let views = found["filterViews"]?.array ?? []
        #expect(views.map { $0["title"]?.string } == ["Open leads by due time"])
        let dueBy = SheetColumn.allCases.firstIndex(of: .dueBy)!
        #expect(views.first?["sortSpecs"]?[0]?["dimensionIndex"]?.int == dueBy)
        #expect(
            views.first?["filterSpecs"]?[0]?["filterCriteria"]?["hiddenValues"]?.array?.compactMap(\.string)
                == ["Booked", "Closed - no response", "Closed - not a fit"])
    }

    @Test func theReportWritesTheWeeklyReviewTabWithOneChart() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        let config = try ConfigLoader.load(path: google.configPath)
        let store = try SQLiteStateStore(path: config.statePath)
        let now = ISO8601DateFormatter().date(from: "2026-11-23T14:00:00Z")!
        let review = try WeeklyReport.review(config: config, store: store, day: nil, now: now)
        #expect(review.thisWeek.week.label == "2026-11-16")
        #expect(try WeeklyReport.writeGoogleTab(review, config: config) == "google-sheet:\(GoogleWorkspace.spreadsheetID)/Weekly Review")
        #expect(try WeeklyReport.writeGoogleTab(review, config: config) != nil)

        let tab = try #require(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Weekly Review"))
        #expect(tab[0].first == "Weekly review")
        let captured = try #require(tab.first { $0.first == "Missed calls captured" })
        #expect(captured[1] == String(review.thisWeek.missedCallsCaptured))
        #expect(captured.last == String(review.thisWeek.missedCallsCaptured))
        let measureRow = WeeklyReviewTable.measureHeaderRow + 1 + ReviewMeasure.allCases.firstIndex(of: .missedCallsCaptured)!
        #expect(
            google.emulator.cell(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Weekly Review", row: measureRow, column: 11)
                == .number(Double(review.thisWeek.missedCallsCaptured)))
        let charts = google.emulator.decorations(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Weekly Review")?["charts"]?.array ?? []
        #expect(charts.count == 1, "the chart is added once; later reports refresh its cells")
        #expect(charts.first?["spec"]?["basicChart"]?["series"]?.array?.count == 3)
    }
}

/// Closed leads leaving the Missed Calls tab for the Archive tab.
@Suite struct GoogleArchiveTests {
    @Test func closedLeadsMoveToTheArchiveTabOnce() throws {
        let google = try GoogleWorkspace()
        try google.setConfig {
            $0.replacingOccurrences(of: "  default_job_minutes: 120", with: "  default_job_minutes: 120\n  archive_after_days: 3")
        }
        try google.sync()
        let before = google.sheet()
        let later = SampleWorkspace.sampleNow.addingTimeInterval(2 * 86400)
        let plan = try google.sync(at: later)
        let moved = Set(plan.sheets[0].archives.map(\.leadID))
        #expect(!moved.isEmpty)
        let archive = try #require(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Archive"))
        #expect(archive.first == SheetColumn.header)
        #expect(Set(archive.dropFirst().map { $0[0] }) == moved)
        let live = google.sheet()
        #expect(live.allSatisfy { !moved.contains($0["Lead ID"] ?? "") })
        #expect(live.count + moved.count == before.count)

        let again = try google.sync(at: later)
        #expect(again.sheets[0].archives.isEmpty && again.sheets[0].creates.isEmpty && again.sheets[0].newOfficeDeletions.isEmpty)
        #expect(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Archive")?.count == archive.count)
        #expect(google.sheet().count == live.count)
    }
}
