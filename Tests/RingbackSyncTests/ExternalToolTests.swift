import Foundation
import RingbackCodecs
import Testing

@testable import RingbackSync

/// The files Ringback writes, opened by the real programs the office and crew use:
/// RFC 5545 parsers for the calendar, LibreOffice for the sheet.
@Suite struct ExternalToolTests {
    static let python = "/usr/bin/python3"
    static let officeRequired = ProcessInfo.processInfo.environment["RINGBACK_REQUIRE_LIBREOFFICE"] == "1"

    static func run(_ executable: String, _ arguments: [String], in folder: String? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    @Test func theCalendarPassesStrictParsersAfterCreatesUpdatesAndCancels() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(4 * 86400))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: workspace.calendarPath))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 75) }

        let script = """
            import json, sys, vobject, icalendar
            text = open(sys.argv[1], encoding='utf-8').read()
            cal = vobject.readOne(text, validate=True)
            events = cal.contents.get('vevent', [])
            strict = icalendar.Calendar.from_ical(text)
            out = [{'uid': e.uid.value, 'seq': int(e.sequence.value), 'status': e.status.value, 'summary': e.summary.value,
                    'stamp_utc': e.dtstamp.value.utcoffset().total_seconds() == 0} for e in events]
            assert len(strict.walk('VEVENT')) == len(out)
            print(json.dumps(out))
            """
        let (status, output) = try Self.run(Self.python, ["-c", script, workspace.calendarPath])
        #expect(status == 0, "python3-vobject/icalendar rejected the calendar (make test installs them): \(output)")
        guard status == 0 else { return }
        let events = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [[String: Any]]
        #expect(events.count == 10)
        #expect(Set(events.map { $0["uid"] as! String }).count == 10)
        #expect(events.allSatisfy { $0["stamp_utc"] as? Bool == true })
        let cancelled = events.filter { $0["status"] as? String == "CANCELLED" }
        #expect(!cancelled.isEmpty && cancelled.allSatisfy { $0["seq"] as? Int == 1 })
        #expect(events.contains { ($0["summary"] as? String)?.contains("Priya Shah") == true })
    }

    @Test(.enabled(if: officeRequired || FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")))
    func noCallerTextRunsAsAFormulaWhenTheOfficeOpensTheSheet() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.write(
            """
            {"calls": [
              {"id": "CALevil1", "answered": false, "voicemail": true, "direction": "inbound", "duration": 12,
               "start_time": "2026-11-20T15:00:00-06:00", "customer_phone_number": "+15125550401",
               "customer_name": "=HYPERLINK(\\"http://evil.example\\",\\"click\\")", "tracking_phone_number": "+15125550101",
               "source": "@SUM(1+1)", "transcription": "-2+3 and =1+2 please call"},
              {"id": "CALevil2", "answered": false, "voicemail": false, "direction": "inbound", "duration": 3,
               "start_time": "2026-11-20T15:10:00-06:00", "customer_phone_number": "+15125550402",
               "customer_name": "+1 512 555 0402", "tracking_phone_number": "+15125550101", "source": "=1+2"}
            ]}
            """, to: "samples/exports/callrail/evil.json")
        try workspace.sync()
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice"), "make test installs libreoffice-calc-nogui")
        let converted = workspace.path("converted")
        try FileManager.default.createDirectory(atPath: converted, withIntermediateDirectories: true)
        let profile = "-env:UserInstallation=file://" + workspace.path("lo-profile")
        let (status, output) = try Self.run(
            "/usr/bin/soffice",
            [
                profile, "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false",
                "--outdir", converted, workspace.sheetPath,
            ])
        #expect(status == 0, "\(output)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: converted + "/missed-calls.csv")))
        let records = CSVReader(bytes: bytes).readAll().records.map(\.fields)
        let header = try #require(records.first)
        func cell(_ phone: String, _ column: String) -> String? {
            let phoneIndex = header.firstIndex(of: "Phone")!, index = header.firstIndex(of: column)!
            return records.first { $0[phoneIndex] == RingbackOfflineAccess.displayedPhone(phone) }?[index]
        }
        // The phone is shown as `(512) 555-0401`, no apostrophe needed.
        #expect(cell("+15125550401", "Phone") == "(512) 555-0401")
        // What LibreOffice shows the office: the text, behind the apostrophe that keeps it text.
        #expect(cell("+15125550401", "Caller Name") == "'=HYPERLINK(\"http://evil.example\",\"click\")")
        #expect(cell("+15125550401", "Call Source") == "'@SUM(1+1)")
        #expect(cell("+15125550402", "Call Source") == "'=1+2")
        #expect(cell("+15125550402", "Caller Name") == "'+1 512 555 0402")
        #expect(cell("+15125550401", "Transcript")?.contains("-2+3 and =1+2") == true)
        #expect(records.count == (try workspace.sheet().count) + 1)
        // Reading the office's saved file back gives the original text, not the protection.
        let row = try #require(try workspace.row(phone: "+15125550401"))
        #expect(row["Caller Name"] == "=HYPERLINK(\"http://evil.example\",\"click\")")
        #expect(row["Call Source"] == "@SUM(1+1)")
    }

    @Test(.enabled(if: officeRequired || FileManager.default.isExecutableFile(atPath: "/usr/bin/soffice")))
    func savingTheSheetInLibreOfficeChangesNothingAndPinsNothing() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let converted = workspace.path("saved")
        try FileManager.default.createDirectory(atPath: converted, withIntermediateDirectories: true)
        let profile = "-env:UserInstallation=file://" + workspace.path("lo-profile")
        // Opened as UTF-8 with "detect special numbers" on, as LibreOffice's import dialog offers, then saved as CSV.
        let (status, output) = try Self.run(
            "/usr/bin/soffice",
            [
                profile, "--headless", "--infilter=CSV:44,34,76,1,,0,false,true",
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                "--outdir", converted, workspace.sheetPath,
            ])
        #expect(status == 0, "\(output)")
        let saved = try workspace.read(converted + "/missed-calls.csv")
        #expect(saved.contains("2026-11-20 09:14:00"), "LibreOffice re-formats the times")
        try FileManager.default.removeItem(atPath: workspace.sheetPath)
        try FileManager.default.copyItem(atPath: converted + "/missed-calls.csv", toPath: workspace.sheetPath)

        let plan = try workspace.sync()
        #expect(plan.newPins == 0, "\(plan.sheets[0].newPins.map { "\($0.column): \($0.synced) -> \($0.office)" })")
        #expect(!plan.hasChanges)
    }
}
