import Foundation
import RingbackCodecs
import RingbackCore
import RingbackOffline
import Testing

@testable import RingbackSync
@testable import RingbackXLSX

/// The samples synced into an `xlsx_sheet` target: the CSV's rows in a workbook, the office's edits kept,
/// and LibreOffice reading every phone number as the text Ringback wrote.
@Suite struct XLSXSheetSyncTests {
    static func workspace() throws -> (SampleWorkspace, String) {
        let workspace = try SampleWorkspace()
        let config = try workspace.read(workspace.configPath)
            .replacingOccurrences(of: "type: csv_sheet", with: "type: xlsx_sheet")
            .replacingOccurrences(of: "../out/missed-calls.csv", with: "../out/missed-calls.xlsx")
        try workspace.write(config, to: "samples/ringback.yaml")
        return (workspace, workspace.path("out/missed-calls.xlsx"))
    }

    static func padded(_ document: XLSXSheetDocument) -> [[String]] {
        document.rows.map { $0 + [String](repeating: "", count: max(0, document.header.count - $0.count)) }
    }

    static func column(_ document: XLSXSheetDocument, _ title: String) -> Int { document.header.firstIndex(of: title)! }

    @Test func theSamplesSyncIntoAWorkbookWithTheRowsOfTheCSV() throws {
        let (workspace, workbook) = try Self.workspace()
        let csv = try SampleWorkspace()
        defer { workspace.remove(); csv.remove() }
        #expect(try ConfigLoader.load(path: workspace.configPath).targets.map(\.type) == ["xlsx_sheet", "ics_calendar"])
        try workspace.sync()
        try csv.sync()
        let document = try XLSXSheetTarget(path: workbook).load()
        let expected = try RingbackOfflineAccess.document(at: csv.sheetPath)
        #expect(document.header == expected.header)
        #expect(!document.rows.isEmpty)
        #expect(Self.padded(document) == expected.rows)
        #expect(!FileManager.default.fileExists(atPath: workspace.sheetPath), "no CSV beside the workbook")
        #expect(!(try workspace.dryRun().hasChanges))
    }

    @Test func theOfficesEditsColumnsAndRowsInTheWorkbookSurviveTheNextSync() throws {
        let (workspace, workbook) = try Self.workspace()
        defer { workspace.remove() }
        try workspace.sync()
        var document = try XLSXSheetTarget(path: workbook).load()
        let (key, status, notes) = (Self.column(document, "Lead ID"), Self.column(document, "Status"), Self.column(document, "Notes"))
        var rows = Self.padded(document)
        let closed = rows[0][key], noted = rows[1][key]
        rows[0][status] = "Closed - not a fit"
        rows[1][notes] = "Prefers text, gate code 4411"
        for index in rows.indices { rows[index].append("x\(index)") }
        rows.append([String](repeating: "", count: document.header.count) + ["the office's own row"])
        document.grid = SheetGrid(header: document.header + ["Office column"], rows: rows)
        try AtomicFile.write(try document.bytes(path: workbook), to: workbook)

        let plan = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(86400))
        #expect(plan.sheets[0].creates.isEmpty)
        let after = try XLSXSheetTarget(path: workbook).load()
        let byID = Dictionary(uniqueKeysWithValues: Self.padded(after).filter { !$0[key].isEmpty }.map { ($0[key], $0) })
        #expect(byID[closed]?[status] == "Closed - not a fit")
        #expect(byID[noted]?[notes] == "Prefers text, gate code 4411")
        #expect(after.header.last == "Office column")
        #expect(Self.padded(after).filter { !$0[key].isEmpty }.allSatisfy { $0.last?.hasPrefix("x") == true })
        #expect(after.rows.contains { $0.last == "the office's own row" })
        #expect(after.rows.count == rows.count)
        #expect(!(try workspace.dryRun(at: SampleWorkspace.sampleNow.addingTimeInterval(86400)).hasChanges))
    }

    @Test func closedLeadsMoveToTheArchiveWorkbook() throws {
        let (workspace, workbook) = try Self.workspace()
        defer { workspace.remove() }
        let config = try workspace.read(workspace.configPath)
            .replacingOccurrences(of: "  default_job_minutes: 120", with: "  default_job_minutes: 120\n  archive_after_days: 3")
        try workspace.write(config, to: "samples/ringback.yaml")
        try workspace.sync()
        var document = try XLSXSheetTarget(path: workbook).load()
        let (key, status, time) = (Self.column(document, "Lead ID"), Self.column(document, "Status"), Self.column(document, "Timestamp"))
        var rows = Self.padded(document)
        let monday = try #require(rows.firstIndex { $0[time] < "2026-11-17" })
        let closed = rows[monday][key]
        rows[monday][status] = "Closed - no response"
        document.grid = SheetGrid(header: document.header, rows: rows)
        try AtomicFile.write(try document.bytes(path: workbook), to: workbook)

        let plan = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(2 * 86400))
        let moved = plan.sheets[0].archives.map(\.leadID)
        #expect(moved.contains(closed))
        let archive = try XLSXSheetTarget(path: workspace.path("out/missed-calls-archive.xlsx")).load()
        #expect(Set(archive.rows.map { $0[key] }) == Set(moved))
        let live = try XLSXSheetTarget(path: workbook).load()
        #expect(live.rows.count + archive.rows.count == rows.count, "no row lost, none doubled")
        #expect(!live.rows.contains { $0[key] == closed })
    }

    @Test func aFileAtTheWorkbooksPathThatIsNoWorkbookStopsTheRunNamingIt() throws {
        let (workspace, workbook) = try Self.workspace()
        defer { workspace.remove() }
        try workspace.write("Lead ID,Phone\n", to: "out/missed-calls.xlsx")
        let error = #expect(throws: (any Error).self) { try workspace.sync() }
        #expect(error.map { "\($0)".contains(workbook + ": not a workbook: the file is not a zip archive") } == true, "\(String(describing: error))")
    }
}

/// The workbook opened by LibreOffice, as the office does: re-saved, and shown (converted to CSV).
@Suite(.serialized) struct XLSXLibreOfficeTests {
    static let office = "/usr/bin/soffice"
    static let present = FileManager.default.isExecutableFile(atPath: office)

    @Test(.enabled(if: ExternalToolTests.officeRequired && !present))
    func libreOfficeMustBeInstalledWhenRequired() {
        Issue.record("RINGBACK_REQUIRE_LIBREOFFICE=1 but soffice is not installed; install libreoffice-calc-nogui")
    }

    /// `soffice --convert-to <format>` of `file` into `folder`; the converted file's path.
    static func convert(_ file: String, to format: String, in workspace: SampleWorkspace, folder: String) throws -> String {
        let out = workspace.path(folder)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let profile = "-env:UserInstallation=file://" + workspace.path("lo-profile")
        let (status, output) = try ExternalToolTests.run(office, [profile, "--headless", "--norestore", "--convert-to", format, "--outdir", out, file])
        #expect(status == 0, "\(output)")
        let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return out + "/" + name + "." + (format.split(separator: ":").first.map(String.init) ?? format)
    }

    @Test(.enabled(if: present)) func aWorkbookResavedByLibreOfficeReadsBackWithTheSameRows() throws {
        let (workspace, workbook) = try XLSXSheetSyncTests.workspace()
        defer { workspace.remove() }
        try workspace.sync()
        let resaved = try Self.convert(workbook, to: "xlsx:Calc MS Excel 2007 XML", in: workspace, folder: "resaved")
        let mine = try XLSXSheetTarget(path: workbook).load()
        let theirs = try XLSXSheetTarget(path: resaved).load()
        #expect(theirs.header == mine.header)
        #expect(XLSXSheetSyncTests.padded(theirs) == XLSXSheetSyncTests.padded(mine))
        #expect(try XLSXPackage(unzipping: Array(Data(contentsOf: URL(fileURLWithPath: resaved)))).parts["xl/sharedStrings.xml"] != nil)
        try FileManager.default.removeItem(atPath: workbook)
        try FileManager.default.copyItem(atPath: resaved, toPath: workbook)
        #expect(!(try workspace.dryRun().hasChanges), "the office's re-saved workbook is the sheet Ringback wrote")
    }

    @Test(.enabled(if: present)) func libreOfficeShowsEveryPhoneNumberAsTheTextRingbackWrote() throws {
        let (workspace, workbook) = try XLSXSheetSyncTests.workspace()
        defer { workspace.remove() }
        try workspace.sync()
        let document = try XLSXSheetTarget(path: workbook).load()
        let phone = XLSXSheetSyncTests.column(document, "Phone")
        let written = XLSXSheetSyncTests.padded(document).map { $0[phone] }
        #expect(written.contains("+15125550142"))
        let shown = try Self.convert(workbook, to: "csv", in: workspace, folder: "shown")
        let (records, _) = CSVReader(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: shown)))).readAll()
        let cells = records.dropFirst().map { phone < $0.fields.count ? $0.fields[phone] : "" }
        #expect(records.first?.fields[phone] == "Phone")
        #expect(cells == written, "no apostrophe, no lost +, no scientific notation")
    }
}
