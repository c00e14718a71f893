import Foundation
import RingbackCodecs
import Testing

/// What Ringback writes never holds a character a reader may split a line on, checked with a reader
/// that splits on all of them: Python's `str.splitlines()`.
@Suite struct LineSafeTextTests {
    static let python = "/usr/bin/python3"
    /// A caller name that tries to start a calendar property and a CSV row of its own.
    static let hostile = "Bob\u{2028}ATTENDEE:mailto:x@evil\u{2029}ORGANIZER:y\u{85}NEL\rCR\u{B}VT\u{C}FF\u{1C}\u{1D}\u{1E}\u{7}bell"

    @Test func cleanKeepsLineFeedsAndTabsAndTurnsEverythingElseIntoSpaces() {
        #expect(
            LineSafeText.clean("a\u{2028}b\u{2029}c\u{85}d\re\r\nf\ng\th\u{0}i\u{7F}j\u{9B}k")
                == "a b c d e\nf\ng\th i j k")
        #expect(LineSafeText.clean("José Ramírez, 中文 😀") == "José Ramírez, 中文 😀")
        #expect(LineSafeText.isClean("plain\nnote\twith tab") && !LineSafeText.isClean("x\u{2028}"))
    }

    @Test func anICSFileSplitsIntoTheSameLinesOnlyAtItsCRLFs() throws {
        let event = ICalComponent(
            name: "VEVENT",
            properties: [
                .raw("UID", "call-1@ringback.invalid"),
                .text("SUMMARY", "Missed call: " + Self.hostile),
                .text("DESCRIPTION", "Line one\nLine two\r\n" + Self.hostile),
                .text("LOCATION", "Austin", parameters: [ICalParameter("ALTREP", "http://x.invalid/\u{2028}a")]),
            ])
        let text = ICalendarWriter().string(ICalendar(prodID: "-//Ringback//Test//EN", components: [event]))
        let report = try Self.splitLines(
            text,
            script: """
                crlf = text.split("\\r\\n")
                lines = text.splitlines()
                print(json.dumps({"same": lines == crlf[:-1], "property": [l for l in lines if l.startswith(("ATTENDEE", "ORGANIZER", "NEL", "CR", "VT"))]}))
                """)
        #expect(report["same"] as? Bool == true)
        #expect((report["property"] as? [String])?.isEmpty == true)
    }

    @Test func aLineSafeCSVHasNoLineBreaksButTheQuotedOnesItMeans() throws {
        let rows = [["Caller Name", "Notes"], [Self.hostile, "first line\nsecond line"], ["x\r\ny", "z"]]
        let text = CSVWriter(includesByteOrderMark: false, lineSafe: true).string(rows)
        let report = try Self.splitLines(
            text,
            script: """
                import csv, io, re
                rows = list(csv.reader(io.StringIO(text, newline="")))
                physical = re.split(r"\\r\\n|\\n", text)[:-1]
                print(json.dumps({"same": text.splitlines() == physical, "rows": rows}))
                """)
        #expect(report["same"] as? Bool == true)
        let read = try #require(report["rows"] as? [[String]])
        #expect(read.count == 3)
        #expect(read[1][0] == LineSafeText.clean(Self.hostile) && !read[1][0].contains("\n"))
        #expect(read[1][1] == "first line\nsecond line")
        #expect(read[2][0] == "x\ny")
    }

    /// Runs `script` with `text` (the file's exact characters) and `json` in scope; its one JSON line.
    static func splitLines(_ text: String, script: String) throws -> [String: Any] {
        let directory = try ExternalProcess.temporaryDirectory("lines")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("written.txt")
        try Data(text.utf8).write(to: file)
        let program = "import json, sys\ntext = open(sys.argv[1], encoding=\"utf-8\", newline=\"\").read()\n" + script
        let outcome = try ExternalProcess.run(python, ["-c", program, file.path])
        try #require(outcome.status == 0, "python3 failed: \(outcome.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
    }
}
