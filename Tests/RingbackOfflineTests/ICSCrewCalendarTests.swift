import Foundation
import RingbackCore
import RingbackNormalisation
import Testing

@testable import RingbackOffline

/// Reading crew calendars as exported by Google Calendar and iCloud: zones, all-day and cancelled
/// events, recurring events with EXDATE and moved instances, folded lines, alarms.
struct ICSCrewCalendarTests {
    static let chicago = try! LocalZone(identifier: "America/Chicago")
    static let denver = try! LocalZone(identifier: "America/Denver")

    static let googleExport = """
        BEGIN:VCALENDAR\r
        PRODID:-//Google Inc//Google Calendar 70.9054//EN\r
        VERSION:2.0\r
        CALSCALE:GREGORIAN\r
        METHOD:PUBLISH\r
        X-WR-CALNAME:Plumbing crew\r
        X-WR-TIMEZONE:America/Chicago\r
        BEGIN:VTIMEZONE\r
        TZID:America/Chicago\r
        X-LIC-LOCATION:America/Chicago\r
        BEGIN:DAYLIGHT\r
        TZOFFSETFROM:-0600\r
        TZOFFSETTO:-0500\r
        TZNAME:CDT\r
        DTSTART:19700308T020000\r
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r
        END:DAYLIGHT\r
        BEGIN:STANDARD\r
        TZOFFSETFROM:-0500\r
        TZOFFSETTO:-0600\r
        TZNAME:CST\r
        DTSTART:19701101T020000\r
        RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r
        END:STANDARD\r
        END:VTIMEZONE\r
        BEGIN:VEVENT\r
        DTSTART:20261123T140000Z\r
        DTEND:20261123T170000Z\r
        DTSTAMP:20261120T180000Z\r
        UID:3k2j4h5g6f7d8s9a0b1c2d3e4f@google.com\r
        CREATED:20261119T150000Z\r
        DESCRIPTION:Maria Lopez\\, (512) 555-0142\\nLeaking under the kitchen sink\\, bring a\r
          new trap\r
        LAST-MODIFIED:20261119T150000Z\r
        LOCATION:1402 S 1st St\\, Austin\\, TX 78704\r
        SEQUENCE:0\r
        STATUS:CONFIRMED\r
        SUMMARY:Sink leak - Lopez\r
        TRANSP:OPAQUE\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART;TZID=America/Chicago:20261102T073000\r
        DTEND;TZID=America/Chicago:20261102T080000\r
        RRULE:FREQ=WEEKLY;WKST=SU;BYDAY=MO,WE,FR\r
        EXDATE;TZID=America/Chicago:20261125T073000\r
        DTSTAMP:20261120T180000Z\r
        UID:standup0123456789@google.com\r
        SUMMARY:Crew standup\r
        TRANSP:OPAQUE\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART;TZID=America/Chicago:20261127T090000\r
        DTEND;TZID=America/Chicago:20261127T093000\r
        RECURRENCE-ID;TZID=America/Chicago:20261127T073000\r
        DTSTAMP:20261120T180000Z\r
        UID:standup0123456789@google.com\r
        SUMMARY:Crew standup (moved)\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART;VALUE=DATE:20261126\r
        DTEND;VALUE=DATE:20261127\r
        UID:thanksgiving@google.com\r
        SUMMARY:Thanksgiving\r
        TRANSP:TRANSPARENT\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART;VALUE=DATE:20261130\r
        DTEND;VALUE=DATE:20261202\r
        UID:truck@google.com\r
        SUMMARY:Truck in the shop\r
        END:VEVENT\r
        BEGIN:VEVENT\r
        DTSTART:20261124T150000Z\r
        DTEND:20261124T160000Z\r
        UID:gone@google.com\r
        STATUS:CANCELLED\r
        SUMMARY:Called off\r
        END:VEVENT\r
        END:VCALENDAR\r

        """

    static let iCloudExport = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//Apple Inc.//macOS 15.1//EN
        CALSCALE:GREGORIAN
        BEGIN:VTIMEZONE
        TZID:America/Denver
        BEGIN:DAYLIGHT
        TZOFFSETFROM:-0700
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
        DTSTART:20070311T020000
        TZNAME:MDT
        TZOFFSETTO:-0600
        END:DAYLIGHT
        BEGIN:STANDARD
        TZOFFSETFROM:-0600
        RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
        DTSTART:20071104T020000
        TZNAME:MST
        TZOFFSETTO:-0700
        END:STANDARD
        END:VTIMEZONE
        BEGIN:VEVENT
        CREATED:20261020T120000Z
        UID:8F3C2B1A-1234-4A5B-9C8D-0E1F2A3B4C5D
        RRULE:FREQ=DAILY;UNTIL=20261106T145959Z;INTERVAL=1
        DTEND;TZID=America/Denver:20261031T100000
        TRANSP:OPAQUE
        X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC
        SUMMARY:Supply run
        LAST-MODIFIED:20261020T120000Z
        DTSTAMP:20261020T120000Z
        DTSTART;TZID=America/Denver:20261031T080000
        SEQUENCE:1
        BEGIN:VALARM
        X-WR-ALARMUID:11111111-2222-3333-4444-555555555555
        UID:11111111-2222-3333-4444-555555555555
        TRIGGER:-PT15M
        ACTION:DISPLAY
        DESCRIPTION:Reminder
        END:VALARM
        END:VEVENT
        BEGIN:VEVENT
        UID:A1B2C3D4-monthly
        DTSTART;TZID=America/Denver:20261103T130000
        DURATION:PT2H
        RRULE:FREQ=MONTHLY;BYDAY=1TU;COUNT=3
        SUMMARY:Safety training
        END:VEVENT
        BEGIN:VEVENT
        UID:E5F6-fortnightly
        DTSTART;TZID=America/Denver:20261103T160000
        DTEND;TZID=America/Denver:20261103T170000
        RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;COUNT=3
        SUMMARY:Van inspection
        END:VEVENT
        BEGIN:VEVENT
        UID:odd-zone
        DTSTART;TZID=Mars/Olympus:20261104T090000
        DTEND;TZID=Mars/Olympus:20261104T100000
        SUMMARY:Unreadable zone
        END:VEVENT
        END:VCALENDAR

        """

    func read(_ text: String, zone: LocalZone, from: Date, to: Date) throws -> CrewAvailability {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("crew-ics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("crew.ics").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return ICSCrewCalendar(crew: "Crew", path: path, floating: zone).read(from: from, to: to)
    }

    func spans(_ reading: CrewAvailability, _ zone: LocalZone) -> [String] {
        (reading.busy["Crew"] ?? []).map { "\(zone.components(of: $0.start)) → \(zone.components(of: $0.end))" }
    }

    func chicago(_ day: Int, _ hour: Int, month: Int = 11) -> Date {
        Self.chicago.date(from: LocalDateTime(year: 2026, month: month, day: day, hour: hour))
    }

    @Test func aGoogleExportGivesBusySpansAndJobs() throws {
        let reading = try read(Self.googleExport, zone: Self.chicago, from: chicago(23, 0), to: chicago(3, 0, month: 12))
        #expect(
            spans(reading, Self.chicago) == [
                "2026-11-23 07:30:00 → 2026-11-23 08:00:00",  // standup, Monday
                "2026-11-23 08:00:00 → 2026-11-23 11:00:00",  // the Lopez job, written in UTC
                // Wednesday's standup is an EXDATE; Thanksgiving is transparent; the cancelled event is free.
                "2026-11-27 09:00:00 → 2026-11-27 09:30:00",  // Friday's standup, moved
                "2026-11-30 00:00:00 → 2026-12-02 00:00:00",  // the truck, two whole days
                "2026-11-30 07:30:00 → 2026-11-30 08:00:00",
                "2026-12-02 07:30:00 → 2026-12-02 08:00:00",
            ])
        #expect(reading.problems.isEmpty)
        let job = try #require(reading.jobs.first { $0.title == "Sink leak - Lopez" })
        #expect(job.details == "Maria Lopez, (512) 555-0142\nLeaking under the kitchen sink, bring a new trap")
        #expect(job.location == "1402 S 1st St, Austin, TX 78704")
        // Recurring events are not jobs; the moved instance is a single event.
        #expect(!reading.jobs.contains { $0.title == "Crew standup" })
    }

    @Test func anICloudExportWithVTIMEZONEExpandsRulesInLocalTimeAcrossDST() throws {
        let from = Self.denver.date(from: LocalDateTime(year: 2026, month: 10, day: 30))
        let to = Self.denver.date(from: LocalDateTime(year: 2027, month: 2, day: 1))
        let reading = try read(Self.iCloudExport, zone: Self.chicago, from: from, to: to)
        let supply = (reading.busy["Crew"] ?? []).filter { Self.denver.components(of: $0.start).hour == 8 }
        // Daily at 08:00 Denver time from Oct 31; UNTIL 2026-11-06 14:59:59Z excludes Nov 6 (08:00 MST = 15:00Z).
        #expect(supply.map { Self.denver.components(of: $0.start).day } == [31, 1, 2, 3, 4, 5])
        #expect(supply.map { LocalZone.utc.components(of: $0.start).hour } == [14, 15, 15, 15, 15, 15])
        #expect(supply.allSatisfy { $0.end.timeIntervalSince($0.start) == 7200 })
        let training = (reading.busy["Crew"] ?? []).filter { Self.denver.components(of: $0.start).hour == 13 }
        #expect(training.map { "\(Self.denver.components(of: $0.start))" } == ["2026-11-03 13:00:00", "2026-12-01 13:00:00", "2027-01-05 13:00:00"])
        let vans = (reading.busy["Crew"] ?? []).filter { Self.denver.components(of: $0.start).hour == 16 }
        #expect(vans.map { Self.denver.components(of: $0.start).day } == [3, 17, 1])
        // The alarm's DESCRIPTION is not the event's; the unknown zone skips its event with a note.
        #expect(!reading.jobs.contains { $0.details == "Reminder" })
        #expect(reading.problems.count == 1)
        #expect(reading.problems.first?.contains("Mars/Olympus") == true)
    }

    /// Outlook writes a zone of its own name, defined only by its VTIMEZONE.
    static let outlookExport = """
        BEGIN:VCALENDAR
        PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN
        VERSION:2.0
        METHOD:PUBLISH
        BEGIN:VTIMEZONE
        TZID:Customized Time Zone
        BEGIN:STANDARD
        DTSTART:16011104T020000
        RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11
        TZOFFSETFROM:-0600
        TZOFFSETTO:-0700
        END:STANDARD
        BEGIN:DAYLIGHT
        DTSTART:16010311T020000
        RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3
        TZOFFSETFROM:-0700
        TZOFFSETTO:-0600
        END:DAYLIGHT
        END:VTIMEZONE
        BEGIN:VEVENT
        DTSTART;TZID="Customized Time Zone":20261124T090000
        DTEND;TZID="Customized Time Zone":20261124T113000
        SUMMARY:Service call - Ortega
        UID:040000008200E00074C5B7101A82E00800000000
        END:VEVENT
        BEGIN:VEVENT
        DTSTART;TZID="Customized Time Zone":20260714T090000
        DTEND;TZID="Customized Time Zone":20260714T100000
        SUMMARY:Summer check
        UID:040000008200E00074C5B7101A82E00800000001
        END:VEVENT
        END:VCALENDAR

        """

    @Test func aZoneKnownOnlyByItsVTIMEZONEIsMatchedByItsOffsetsAndSwitch() throws {
        let reading = try read(
            Self.outlookExport, zone: Self.chicago, from: Self.denver.date(from: LocalDateTime(year: 2026, month: 7, day: 1)),
            to: Self.denver.date(from: LocalDateTime(year: 2026, month: 12, day: 1)))
        #expect(reading.problems.isEmpty)
        // Mountain time: 09:00 is 16:00Z in November (MST) and 15:00Z in July (MDT).
        #expect(reading.busy["Crew"]?.map { LocalZone.utc.components(of: $0.start).description } == ["2026-07-14 15:00:00", "2026-11-24 16:00:00"])
        #expect(ICSZoneResolver.offset("-0600") == -21600 && ICSZoneResolver.offset("+0530") == 19800 && ICSZoneResolver.offset("0600") == nil)
    }

    @Test func aMissingOrForeignFileIsUnreadableNotFatal() throws {
        let missing = ICSCrewCalendar(crew: "Crew", path: "/nonexistent/crew.ics", floating: Self.chicago).read(
            from: chicago(23, 0), to: chicago(30, 0))
        #expect(missing.unreadable["Crew"] == "cannot read /nonexistent/crew.ics")
        let foreign = try read("phone,name\n5125550142,Maria\n", zone: Self.chicago, from: chicago(23, 0), to: chicago(30, 0))
        #expect(foreign.unreadable["Crew"]?.contains("not an iCalendar file") == true)
    }

    @Test func durationsAndZonesAreReadAsWritten() throws {
        #expect(ICSCrewCalendar.duration("PT1H30M") == 5400)
        #expect(ICSCrewCalendar.duration("P1D") == 86400)
        #expect(ICSCrewCalendar.duration("P1W") == 604_800)
        #expect(ICSCrewCalendar.duration("1H") == nil)
        #expect(ICSTime.zone(named: "Mountain Standard Time")?.identifier == "America/Denver")
        #expect(ICSTime.zone(named: "/mozilla.org/20050126_1/America/Denver")?.identifier == "America/Denver")
        #expect(ICSTime.zone(named: "Mars/Olympus") == nil)
    }
}
