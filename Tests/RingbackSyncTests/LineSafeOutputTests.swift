import Foundation
import RingbackCodecs
import Testing

/// A caller name that carries line separators reaches the sheet and the calendar as one line of text,
/// read with Python's `str.splitlines()`, and the next run sees no office edit in it.
@Suite struct LineSafeOutputTests {
    @Test func aHostileCallerNameStaysOnItsLineAndIsNotTakenForAnOfficeEdit() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let export = "samples/exports/callrail/calls-2026-11-20.json"
        let hostile = "Priya\\u2028ATTENDEE:mailto:x@evil\\u2029\\u0085Shah\\r!"
        let text = try workspace.read(workspace.path(export))
        try workspace.write(text.replacingOccurrences(of: "\"Priya Shah\"", with: "\"\(hostile)\""), to: export)
        try workspace.sync()

        for path in [workspace.calendarPath, workspace.sheetPath] {
            let script = """
                import re, sys
                text = open(sys.argv[1], encoding="utf-8-sig", newline="").read()
                lines = text.splitlines()
                print(lines == re.split(r"\\r\\n|\\n", text)[:-1] and not any(l.startswith("ATTENDEE") for l in lines))
                """
            let result = try Self.python(script, path)
            #expect(result == "True", "\(path)")
        }
        let row = try #require(try workspace.sheet().first { $0["Caller Name"]?.hasPrefix("Priya") == true })
        #expect(row["Caller Name"] == "Priya ATTENDEE:mailto:x@evil  Shah !")
        let again = try workspace.dryRun(at: SampleWorkspace.sampleNow.addingTimeInterval(60))
        #expect(again.sheets.allSatisfy { $0.newPins.isEmpty })
    }

    static func python(_ script: String, _ argument: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, argument]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
