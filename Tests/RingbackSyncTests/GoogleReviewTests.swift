import Foundation
import RingbackCore
import RingbackEmulator
import RingbackGoogle
import RingbackHTTP
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

    /// The emulator's read-only page of the Weekly Review tab, as the office would look at it: the table's
    /// cells, the chart drawn from the cells its series name, and the chart's spec in words.
    @Test func theEmulatorShowsTheWeeklyReviewTabAsAPage() throws {
        let google = try GoogleWorkspace()
        try google.sync()
        let config = try ConfigLoader.load(path: google.configPath)
        let review = try WeeklyReport.review(
            config: config, store: try SQLiteStateStore(path: config.statePath), day: nil,
            now: ISO8601DateFormatter().date(from: "2026-11-23T14:00:00Z")!)
        try WeeklyReport.writeGoogleTab(review, config: config)
        let url = google.base.appendingPathComponent("emulator/spreadsheets/\(GoogleWorkspace.spreadsheetID)/Weekly Review/view")
        let response = try HTTPClient(policy: RetryPolicy(maxAttempts: 1, requestTimeout: 10, attemptTimeout: 20))
            .send(HTTPRequest(url: url), retryable: { _ in false })
        #expect(response.status == 200)
        let page = String(decoding: response.body, as: UTF8.self)
        #expect(page == google.emulator.htmlView(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Weekly Review"))
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<td style=\"font-weight:bold;font-size:14px;\">Weekly review</td>"))
        #expect(page.contains("<td>Missed calls captured</td><td class=\"n\">\(review.thisWeek.missedCallsCaptured)</td>"))
        #expect(page.components(separatedBy: "<svg").count == 2, "one chart")
        #expect(page.contains("COLUMN chart &quot;Last 8 weeks: missed calls captured, qualified leads, booked jobs&quot;"))
        #expect(page.contains("3 series: Missed calls captured ("))
        let bars = page.components(separatedBy: "<rect x=").count - 1
        #expect(bars == 3 * WeeklyReview.trendWeeks + 3, "a column per series and week, and three legend keys")
    }

    @Test(.enabled(if: WeeklyReportTests.chromiumRequired || WeeklyReportTests.chromium != nil))
    func theEmulatorsWeeklyReviewPageRendersInChromium() throws {
        #expect(WeeklyReportTests.chromium != nil, "make test installs chromium")
        guard WeeklyReportTests.chromium != nil else { return }
        let google = try GoogleWorkspace()
        try google.sync()
        let config = try ConfigLoader.load(path: google.configPath)
        let review = try WeeklyReport.review(
            config: config, store: try SQLiteStateStore(path: config.statePath), day: nil,
            now: ISO8601DateFormatter().date(from: "2026-11-23T14:00:00Z")!)
        try WeeklyReport.writeGoogleTab(review, config: config)
        let page = try #require(google.emulator.htmlView(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Weekly Review"))
        try google.samples.write(page, to: "out/weekly-review-tab.html")
        let (png, console, dom) = try WeeklyReportTests.render(google.samples.path("out/weekly-review-tab.html"), in: google.samples)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000, "a blank page compresses to a few kilobytes")
        #expect(console.isEmpty, "\(console)")
        #expect(dom.contains("Missed calls captured"))
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

    /// A run that stops after appending to the Archive tab, before the live rows are removed or the state
    /// recorded: the next run archives the same rows again, and each is in the Archive tab once.
    @Test func aRunStoppedBeforeTheLiveRowsWereRemovedArchivesThemOnce() throws {
        let google = try GoogleWorkspace()
        try google.setConfig {
            $0.replacingOccurrences(of: "  default_job_minutes: 120", with: "  default_job_minutes: 120\n  archive_after_days: 3")
        }
        try google.sync()
        let before = google.sheet()
        let later = SampleWorkspace.sampleNow.addingTimeInterval(2 * 86400)
        google.emulator.refuseNext(bodyContaining: "deleteDimension")
        #expect(throws: (any Error).self) { try google.sync(at: later) }
        let first = try #require(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Archive"))
        #expect(first.count > 1)
        #expect(google.sheet().count == before.count, "the live rows were not removed")

        let plan = try google.sync(at: later)
        let moved = Set(plan.sheets[0].archives.map(\.leadID))
        let archive = try #require(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Archive"))
        #expect(archive.count == first.count)
        #expect(Set(archive.dropFirst().map { $0[0] }) == moved)
        #expect(archive.dropFirst().count == moved.count, "no Lead ID twice")
        #expect(google.sheet().count + moved.count == before.count)
    }

    /// The office renames the Archive tab to keep a year's rows apart: it is left as it is, and the next
    /// closed leads start a new Archive tab.
    @Test func aRenamedArchiveTabIsKeptAndANewOneStarted() throws {
        let google = try GoogleWorkspace()
        try google.setConfig {
            $0.replacingOccurrences(of: "  default_job_minutes: 120", with: "  default_job_minutes: 120\n  archive_after_days: 3")
        }
        try google.sync()
        let later = SampleWorkspace.sampleNow.addingTimeInterval(2 * 86400)
        try google.sync(at: later)
        let kept = try #require(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Archive"))
        google.emulator.renameSheet(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Archive", to: "Archive 2025")
        let old = try #require(google.sheet().first { ($0["Timestamp"] ?? "") < "2026-11-17" && $0["Status"] != "Booked" }?["Lead ID"])
        try google.type("Closed - not a fit", lead: old, column: "Status")
        let plan = try google.sync(at: later.addingTimeInterval(600))
        #expect(plan.sheets[0].archives.map(\.leadID) == [old])
        #expect(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Archive 2025") == kept)
        let fresh = try #require(google.emulator.formattedValues(spreadsheetID: GoogleWorkspace.spreadsheetID, sheet: "Archive"))
        #expect(fresh.first == SheetColumn.header)
        #expect(fresh.dropFirst().map { $0[0] } == [old])
        #expect(google.row(old) == nil)
    }
}
