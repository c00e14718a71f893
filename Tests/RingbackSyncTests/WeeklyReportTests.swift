import Foundation
import RingbackCodecs
import RingbackCore
import RingbackStore
import Testing

@testable import RingbackSync

/// `ringback report` on the synced samples: the files it writes, and the HTML page in a real browser.
@Suite struct WeeklyReportTests {
    static let chromiumRequired = ProcessInfo.processInfo.environment["RINGBACK_REQUIRE_CHROMIUM"] == "1"
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let reportNow = "2026-11-23T14:00:00Z"

    /// The samples synced (Karen Mills booked from the plumbing crew's calendar), one more lead booked and
    /// one caller type corrected by the office, synced again.
    static func workedWeek() throws -> SampleWorkspace {
        let workspace = try SampleWorkspace()
        try workspace.sync()
        let maria = try #require(try workspace.row(phone: "+15125550142"))
        let jose = try #require(try workspace.row(phone: "+15125550122"))
        #expect(maria["Status"] == "New missed call" && jose["Caller Type"] == "New lead")
        try workspace.setCell(maria["Lead ID"]!, "Appointment", to: "2026-11-24 09:00")
        try workspace.setCell(jose["Lead ID"]!, "Caller Type", to: "Complex quote")
        try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(3600))
        return workspace
    }

    @Test func writesTheReviewFilesWithEveryMeasureAndItsDefinition() throws {
        let workspace = try Self.workedWeek()
        defer { workspace.remove() }
        let result = try CommandRunner.run(["report", "--config", workspace.configPath, "--week", "2026-11-18", "--now", Self.reportNow])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Wrote \(workspace.path("out/weekly-review.html"))"))
        #expect(result.stdout.contains("Week 2026-11-16 – 2026-11-22: 14 leads"))
        let html = try workspace.read(workspace.path("out/weekly-review.html"))
        for measure in ReviewMeasure.allCases {
            #expect(html.contains(RingbackOfflineAccess.escape(measure.title)))
            #expect(html.contains(RingbackOfflineAccess.escape(measure.definition(slaMinutes: 30))))
            #expect(html.contains("data-measure=\"\(measure.rawValue)\""))
        }
        // Maria booked by the office, Karen by the job on the sample plumbing crew's calendar.
        #expect(html.contains("Booked jobs</th><td class=\"this\">2</td>"))
        #expect(html.contains("Caller type</td><td>New lead → Complex quote</td><td>1</td>"))

        let bytes = Array(try workspace.read(workspace.path("out/weekly-review.csv")).utf8.drop { $0 >= 0x80 })
        let csv = CSVReader(bytes: bytes).readAll().records.map(\.fields)
        let byTitle = Dictionary(csv.map { ($0.first ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byTitle["Booked jobs"]?[1] == "2")
        #expect(byTitle["Missed calls captured"]?.count == 4 + 8)
        #expect(byTitle["Bad routing notes"]?[1] == "1")
    }

    @Test func refusesADayThatIsNotADate() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let result = try CommandRunner.run(["report", "--config", workspace.configPath, "--week", "next monday"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--week expects a day like 2026-11-16"))
    }

    /// Renders a page in headless Chromium: the screenshot's bytes and the console lines it logged.
    static func render(_ page: String, in workspace: SampleWorkspace) throws -> (png: Data, console: [String], dom: String) {
        let shot = workspace.path("out/review.png")
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(workspace.path("chromium-profile"))"]
        let (_, log) = try ExternalToolTests.run(
            chromium!, common + ["--enable-logging=stderr", "--v=0", "--window-size=1280,2400", "--screenshot=\(shot)", "file://\(page)"])
        let (_, dom) = try ExternalToolTests.run(chromium!, common + ["--dump-dom", "file://\(page)"])
        let console = log.split(separator: "\n").map(String.init).filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        return (try Data(contentsOf: URL(fileURLWithPath: shot)), console, dom)
    }

    @Test(.enabled(if: chromiumRequired || chromium != nil))
    func theReviewPageRendersInChromiumWithoutConsoleErrors() throws {
        #expect(Self.chromium != nil, "make test installs chromium")
        guard Self.chromium != nil else { return }
        let workspace = try Self.workedWeek()
        defer { workspace.remove() }
        let config = try ConfigLoader.load(path: workspace.configPath)
        let review = try WeeklyReport.review(
            config: config, store: try SQLiteStateStore(path: config.statePath), day: ReportCommandDay.monday,
            now: ISO8601DateFormatter().date(from: Self.reportNow)!)
        let page = try WeeklyReport.writeFiles(review, config: config)[0]

        let (png, console, dom) = try Self.render(page, in: workspace)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 20_000, "a blank page compresses to a few kilobytes")
        #expect(console.isEmpty, "\(console)")
        #expect(dom.components(separatedBy: "<svg").count - 1 == ReviewMeasure.allCases.count)
        #expect(dom.contains("<td class=\"this\">"))

        // The console check sees a page that does log an error.
        let broken = workspace.path("out/broken.html")
        try workspace.write("<!DOCTYPE html><html><body><script>undefinedFunction()</script></body></html>", to: "out/broken.html")
        #expect(!(try Self.render(broken, in: workspace).console.isEmpty))
    }
}

/// Monday 2026-11-16 in Austin, the samples' week.
enum ReportCommandDay {
    static let monday = ISO8601DateFormatter().date(from: "2026-11-16T06:00:00Z")!
}
