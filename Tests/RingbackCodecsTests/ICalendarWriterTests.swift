import Foundation
import RingbackCodecs
import RingbackSeededRandom
import Testing

@Suite struct ICalendarWriterTests {
    @Test func writesEnvelopeWithCRLF() {
        let calendar = ICalendar(
            prodID: "-//Ringback//Missed Calls//EN",
            properties: [.raw("METHOD", "PUBLISH")],
            components: [ICalComponent(name: "VEVENT", properties: [.raw("UID", "call-1@ringback")])]
        )
        let text = ICalendarWriter().string(calendar)
        #expect(
            text
                == [
                    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ringback//Missed Calls//EN", "CALSCALE:GREGORIAN",
                    "METHOD:PUBLISH", "BEGIN:VEVENT", "UID:call-1@ringback", "END:VEVENT", "END:VCALENDAR", "",
                ].joined(separator: "\r\n"))
    }

    @Test func writesNestedComponents() {
        let alarm = ICalComponent(name: "VALARM", properties: [.raw("ACTION", "DISPLAY"), .text("DESCRIPTION", "Call back")])
        let event = ICalComponent(name: "VEVENT", properties: [.raw("UID", "1")], subcomponents: [alarm])
        let text = ICalendarWriter().string(ICalendar(prodID: "p", components: [event]))
        #expect(text.contains("BEGIN:VEVENT\r\nUID:1\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Call back\r\nEND:VALARM\r\nEND:VEVENT\r\n"))
    }

    @Test(arguments: [
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("line1\nline2", "line1\\nline2"),
        ("crlf\r\nend", "crlf\\nend"),
        ("lone\rcr", "lone cr"),
        ("time 10:30", "time 10:30"),
        ("tab\there", "tab\there"),
        ("bell\u{7}del\u{7F}nul\u{0}", "bell del nul "),
        ("ls\u{2028}ps\u{2029}nel\u{85}vt\u{B}ff\u{C}", "ls ps nel vt ff "),
        ("😀 é 中", "😀 é 中"),
    ])
    func escapesText(input: String, expected: String) {
        #expect(ICalendarWriter.escapeText(input) == expected)
    }

    @Test func rawValuesAreNotEscaped() {
        let line = ICalendarWriter.contentLine(.raw("URL", "https://example.com/a,b;c"))
        #expect(line == "URL:https://example.com/a,b;c")
    }

    @Test func quotesParameterValuesThatNeedIt() {
        let property = ICalProperty(
            name: "ATTENDEE",
            parameters: [
                ICalParameter("CN", "Smith, John"),
                ICalParameter("ROLE", "REQ-PARTICIPANT"),
                ICalParameter("X-NOTE", "a:b;c"),
                ICalParameter("X-QUOTE", "say \"hi\"^\nbye"),
                ICalParameter(name: "MEMBER", values: ["mailto:a@x", "plain"]),
            ],
            value: .raw("mailto:john@example.com")
        )
        #expect(
            ICalendarWriter.contentLine(property)
                == "ATTENDEE;CN=\"Smith, John\";ROLE=REQ-PARTICIPANT;X-NOTE=\"a:b;c\";X-QUOTE=say ^'hi^'^^^nbye;MEMBER=\"mailto:a@x\",plain:mailto:john@example.com"
        )
    }

    @Test func formatsUTCDateTimes() {
        #expect(ICalValue.utcDateTime(Date(timeIntervalSince1970: 0)) == .raw("19700101T000000Z"))
        #expect(ICalValue.utcDateTime(Date(timeIntervalSince1970: 1_571_418_000)) == .raw("20191018T170000Z"))
        #expect(ICalValue.utcDateTime(Date(timeIntervalSince1970: 951_782_399.9)) == .raw("20000228T235959Z"))
        #expect(ICalValue.utcDateTime(Date(timeIntervalSince1970: 951_868_800)) == .raw("20000301T000000Z"))
        #expect(ICalValue.utcDateTime(Date(timeIntervalSince1970: -1)) == .raw("19691231T235959Z"))
        #expect(ICalValue.date(year: 2024, month: 2, day: 9) == .raw("20240209"))
        #expect(ICalValue.integer(3) == .raw("3"))
    }

    @Test func utcDateTimesAgreeWithFoundation() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var generator = SeededRandom(seed: 5)
        for _ in 0..<500 {
            let date = Date(timeIntervalSince1970: Double(Int64.random(in: -2_000_000_000...5_000_000_000, using: &generator)))
            let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            let expected = String(
                format: "%04d%02d%02dT%02d%02d%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!, parts.second!)
            #expect(ICalValue.utcDateTime(date) == .raw(expected))
        }
    }
}
