import Foundation
import RingbackCodecs
import Testing

/// Validates a written calendar with two independent Python parsers (vobject and
/// icalendar), installed from the distribution's packages for /usr/bin/python3.
@Suite struct ICalendarExternalParserTests {
    static let python = "/usr/bin/python3"

    static let summaries = [
        "Missed call: Smith, John; +1 512-555-0100\nCall back 😀",
        "Cancelled; \"roof\" leak, back door\\side ☎️ — café 中文",
    ]
    static let descriptions = [
        String(repeating: "Caller left no voicemail, tried twice; number +15125550100. 👍🏽 ", count: 4),
        "Line one\nLine two, with comma; and semicolon: and colon. " + String(repeating: "Straße 中文 é ", count: 20),
    ]

    static func calendar() -> ICalendar {
        let start = Date(timeIntervalSince1970: 1_571_418_000)
        let events = (0..<2).map { index in
            ICalComponent(
                name: "VEVENT",
                properties: [
                    .raw("UID", "call-\(index)@ringback.invalid"),
                    ICalProperty(name: "DTSTAMP", value: .utcDateTime(start)),
                    ICalProperty(name: "DTSTART", value: .utcDateTime(start.addingTimeInterval(Double(index) * 3600))),
                    ICalProperty(name: "DTEND", value: .utcDateTime(start.addingTimeInterval(Double(index) * 3600 + 900))),
                    .text("SUMMARY", summaries[index]),
                    .text("DESCRIPTION", descriptions[index]),
                    ICalProperty(name: "SEQUENCE", value: .integer(index + 1)),
                    .raw("STATUS", index == 0 ? "CONFIRMED" : "CANCELLED"),
                    .text("LOCATION", "Austin, TX", parameters: [ICalParameter("ALTREP", "http://x.invalid/a,b")]),
                ])
        }
        return ICalendar(prodID: "-//Ringback//Missed Calls//EN", properties: [.raw("METHOD", "PUBLISH")], components: events)
    }

    static let script = """
        import json, sys
        import vobject, icalendar
        text = open(sys.argv[1], encoding="utf-8", newline="").read()
        cal = vobject.readOne(text, validate=True)
        vevents = [{"summary": e.summary.value, "description": e.description.value, "status": e.status.value,
                    "sequence": str(e.sequence.value)} for e in cal.vevent_list]
        parsed = icalendar.Calendar.from_ical(text)
        ievents = [{"summary": str(e.get("summary")), "description": str(e.get("description")),
                    "status": str(e.get("status")), "sequence": str(e.get("sequence"))} for e in parsed.walk("VEVENT")]
        print(json.dumps({"vobject": vevents, "icalendar": ievents}))
        """

    struct Parsed: Decodable {
        struct Event: Decodable, Equatable {
            var summary: String
            var description: String
            var status: String
            var sequence: String
        }
        var vobject: [Event]
        var icalendar: [Event]
    }

    @Test func independentParsersReadBackTheSameText() throws {
        let probe = try ExternalProcess.run(Self.python, ["-c", "import vobject, icalendar"])
        try #require(
            probe.status == 0,
            "\(Self.python) cannot import vobject and icalendar; install python3-vobject python3-icalendar: \(probe.standardError)"
        )
        let directory = try ExternalProcess.temporaryDirectory("ics")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("missed-calls.ics")
        try Data(ICalendarWriter().bytes(Self.calendar())).write(to: file)

        let outcome = try ExternalProcess.run(Self.python, ["-c", Self.script, file.path])
        try #require(outcome.status == 0, "parsers rejected the calendar: \(outcome.standardError)")
        let parsed = try JSONDecoder().decode(Parsed.self, from: Data(outcome.standardOutput.utf8))

        let expected = (0..<2).map { index in
            Parsed.Event(
                summary: Self.summaries[index],
                description: Self.descriptions[index],
                status: index == 0 ? "CONFIRMED" : "CANCELLED",
                sequence: String(index + 1)
            )
        }
        #expect(parsed.vobject == expected)
        #expect(parsed.icalendar == expected)
        #expect(Self.descriptions.allSatisfy { $0.count > 200 })
    }
}
