import Foundation
import RingbackCore
import RingbackJSON
import RingbackNormalisation
import Testing

@testable import RingbackGoogle

/// Cell text and calendar text sent to Google are line-safe: Python's `str.splitlines()` finds no
/// line break in them but the LF a note means.
@Suite struct SheetCellTextOutgoingTests {
    static let hostile = "Bob\u{2028}ATTENDEE:mailto:x@evil\u{2029}\u{85}NEL\rCR\u{B}\u{C}\u{1E}\u{0}end\nsecond line"

    @Test func cellsSentToSheetsSplitOnlyAtTheirLineFeeds() throws {
        let value = SheetCellText.outgoing(Self.hostile)
        let text = try #require(value.string)
        #expect(text == "Bob ATTENDEE:mailto:x@evil  NEL CR    end\nsecond line")
        #expect(try Self.pythonSplitsOnlyAtLineFeeds(text))
    }

    @Test func eventTextSentToCalendarSplitsOnlyAtItsLineFeeds() throws {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let event = CalendarEvent(
            uid: "u1", leadID: "RB-1", kind: .callback, title: Self.hostile, details: Self.hostile,
            location: Self.hostile, start: start, end: start.addingTimeInterval(900), owner: "Dana")
        let body = CalendarEventResource(zone: .utc).body(event)
        for field in ["summary", "description", "location"] {
            let text = try #require(body[field]?.string, "\(field)")
            #expect(try Self.pythonSplitsOnlyAtLineFeeds(text), "\(field)")
        }
    }

    @Test func aFixedOffsetWithoutAnIANANameSendsTheTimeAlone() throws {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let india = CalendarEventResource(zone: LocalZone(timeZone: TimeZone(secondsFromGMT: 19_800)!)).time(start)
        #expect(india["timeZone"] == nil && india["dateTime"]?.string?.hasSuffix("+05:30") == true)
        let denver = CalendarEventResource(zone: try LocalZone(identifier: "America/Denver")).time(start)
        #expect(denver["timeZone"]?.string == "America/Denver")
    }

    static func pythonSplitsOnlyAtLineFeeds(_ text: String) throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import sys; t = sys.stdin.read(); print(t.splitlines() == t.split('\\n'))"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let answer = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return answer.trimmingCharacters(in: .whitespacesAndNewlines) == "True"
    }
}
