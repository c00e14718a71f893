import Foundation
import RingbackCore
import RingbackNormalisation
import RingbackTesting
import Testing

/// Slot finding: business hours, buffer, minimum notice, horizon, DST, recurring busy spans.
struct BookingWindowsTests {
    static let denver = try! LocalZone(identifier: "America/Denver")

    static func hours(_ zone: LocalZone = Fixtures.zone, open: Int = 8, close: Int = 17, saturday: Bool = false) -> BusinessHours {
        var spans: [Int: BusinessHours.Span] = [:]
        for day in 1...5 { spans[day] = .init(open: open * 60, close: close * 60) }
        if saturday { spans[6] = .init(open: 8 * 60, close: 12 * 60) }
        return BusinessHours(zone: zone, spans: spans)
    }

    static func rules(
        hours: BusinessHours = hours(), buffer: Int = 30, notice: Int = 120, horizon: Int = 7,
        crews: [Crew] = [Crew(name: "Plumbers", trades: ["Plumbing"])]
    ) -> BookingRules {
        BookingRules(
            minutes: [.diagnostic: 90, .estimate: 60], bufferMinutes: buffer, crews: crews, hours: hours, horizonDays: horizon,
            minimumNoticeMinutes: notice, stepMinutes: 30)
    }

    func windows(_ rules: BookingRules, busy: [BusyInterval], now: Date, trade: String? = "Plumbing") -> [OfferedWindow] {
        let availability = CrewAvailability(busy: Dictionary(uniqueKeysWithValues: rules.crews.map { ($0.name, busy) }))
        guard case .offered(let found) = BookingWindows(rules: rules).windows(trade: trade, type: .diagnostic, availability: availability, now: now)
        else { return [] }
        return found
    }

    func local(_ window: OfferedWindow, _ zone: LocalZone = Fixtures.zone) -> String {
        "\(zone.components(of: window.start)) → \(zone.components(of: window.end))"
    }

    @Test func firstWindowHonoursNoticeAndSecondIsOnALaterDay() {
        // Monday 2026-11-23 07:00 Central, two hours' notice: 09:00 is the first start on the grid.
        let found = windows(Self.rules(), busy: [], now: Fixtures.central(23, 7))
        #expect(found.map { local($0) } == ["2026-11-23 09:00:00 → 2026-11-23 10:30:00", "2026-11-24 08:00:00 → 2026-11-24 09:30:00"])
        #expect(found.allSatisfy { $0.crew == "Plumbers" })
    }

    @Test func busySpansKeepTheBufferOnBothSides() {
        // Busy 09:00-12:00: with 30 minutes' buffer nothing may end after 08:30 or start before 12:30.
        let busy = [BusyInterval(start: Fixtures.central(23, 9), end: Fixtures.central(23, 12))]
        let found = windows(Self.rules(notice: 0), busy: busy, now: Fixtures.central(23, 6))
        #expect(local(found[0]) == "2026-11-23 12:30:00 → 2026-11-23 14:00:00")
        let tight = windows(Self.rules(buffer: 0, notice: 0), busy: busy, now: Fixtures.central(23, 6))
        #expect(local(tight[0]) == "2026-11-23 12:00:00 → 2026-11-23 13:30:00")
        // With no buffer, 08:00-09:00 would not fit 90 minutes; 07:30 is before opening.
        #expect(tight.allSatisfy { $0.start >= Fixtures.central(23, 8) })
    }

    @Test func windowsStayInsideBusinessHoursAndSkipClosedDays() {
        // Friday 15:00 with two hours' notice: 17:00 is closing, so Monday 08:00 first; the weekend is closed.
        let found = windows(Self.rules(), busy: [], now: Fixtures.central(20, 15))
        #expect(found.map { local($0) } == ["2026-11-23 08:00:00 → 2026-11-23 09:30:00", "2026-11-24 08:00:00 → 2026-11-24 09:30:00"])
        for window in found {
            let end = Fixtures.zone.components(of: window.end)
            #expect(end.hour * 60 + end.minute <= 17 * 60)
        }
    }

    @Test func theHorizonBoundsTheSearch() {
        // Two days ahead, both full: nothing to offer, and the reason says so.
        let rules = Self.rules(horizon: 2)
        let busy = [BusyInterval(start: Fixtures.central(23, 0), end: Fixtures.central(25, 0))]
        let availability = CrewAvailability(busy: ["Plumbers": busy])
        let outcome = BookingWindows(rules: rules).windows(
            trade: "Plumbing", type: .diagnostic, availability: availability, now: Fixtures.central(23, 6))
        #expect(outcome == .none("nothing free in the next 2 days"))
        // Three days: Wednesday the 25th.
        let found = windows(Self.rules(horizon: 3), busy: busy, now: Fixtures.central(23, 6))
        #expect(found.map { local($0) } == ["2026-11-25 08:00:00 → 2026-11-25 09:30:00", "2026-11-25 09:30:00 → 2026-11-25 11:00:00"])
    }

    @Test func windowsAreNeverInThePast() {
        let now = Fixtures.central(24, 13, 10)
        let found = windows(Self.rules(notice: 0), busy: [], now: now)
        #expect(found.allSatisfy { $0.start >= now })
        #expect(local(found[0]) == "2026-11-24 13:30:00 → 2026-11-24 15:00:00")
    }

    @Test func dstChangeDayInDenverKeepsLocalHours() {
        // Sunday 2026-11-01 is the fall-back day in Denver; open that Sunday 08:00-17:00 (a 25-hour day).
        var spans: [Int: BusinessHours.Span] = [:]
        for day in 1...7 { spans[day] = .init(open: 8 * 60, close: 17 * 60) }
        let hours = BusinessHours(zone: Self.denver, spans: spans)
        let now = Self.denver.date(from: LocalDateTime(year: 2026, month: 11, day: 1, hour: 0, minute: 30))
        let found = windows(Self.rules(hours: hours, notice: 0), busy: [], now: now)
        #expect(found.map { local($0, Self.denver) } == ["2026-11-01 08:00:00 → 2026-11-01 09:30:00", "2026-11-02 08:00:00 → 2026-11-02 09:30:00"])
        // 08:00 MST on the 1st is 15:00 UTC (MDT ended at 02:00); a day later it is still 15:00 UTC.
        #expect(LocalZone.utc.components(of: found[0].start).hour == 15)
        #expect(LocalZone.utc.components(of: found[1].start).hour == 15)
        // Spring forward, 2026-03-08: a busy span given in UTC lands at local 08:00-12:00 MDT.
        let march = Self.denver.date(from: LocalDateTime(year: 2026, month: 3, day: 8, hour: 0))
        let busy = [BusyInterval(start: Date(timeIntervalSince1970: 1_772_978_400), end: Date(timeIntervalSince1970: 1_772_992_800))]
        #expect(Self.denver.components(of: busy[0].start).hour == 8)
        let spring = windows(Self.rules(hours: hours, notice: 0), busy: busy, now: march)
        #expect(local(spring[0], Self.denver) == "2026-03-08 12:30:00 → 2026-03-08 14:00:00")
    }

    @Test func recurringBusySpansBlockEveryDayTheyFall() {
        // A daily 08:00-16:00 job (as an expanded recurring event) Monday to Friday: only 16:00-17:00 is left,
        // too short for 90 minutes, so the first window is the next Monday after the run of busy days.
        var busy: [BusyInterval] = []
        for day in 23...27 { busy.append(BusyInterval(start: Fixtures.central(day, 8), end: Fixtures.central(day, 16))) }
        let found = windows(Self.rules(notice: 0, horizon: 14), busy: busy, now: Fixtures.central(23, 6))
        #expect(found.map { local($0) } == ["2026-11-30 08:00:00 → 2026-11-30 09:30:00", "2026-12-01 08:00:00 → 2026-12-01 09:30:00"])
    }

    @Test func onlyCrewsOfTheTradeAreAskedAndTheFreeOneIsNamed() {
        let crews = [
            Crew(name: "HVAC", trades: ["HVAC"]), Crew(name: "Plumbers A", trades: ["Plumbing"]), Crew(name: "Plumbers B", trades: ["Plumbing"]),
        ]
        let busyA = [BusyInterval(start: Fixtures.central(23, 8), end: Fixtures.central(23, 17))]
        let availability = CrewAvailability(busy: ["HVAC": [], "Plumbers A": busyA, "Plumbers B": []])
        let outcome = BookingWindows(rules: Self.rules(notice: 0, crews: crews))
            .windows(trade: "Plumbing", type: .diagnostic, availability: availability, now: Fixtures.central(23, 6))
        guard case .offered(let found) = outcome else { Issue.record("no windows: \(outcome)"); return }
        #expect(found[0].crew == "Plumbers B")
        let roofing = BookingWindows(rules: Self.rules(crews: crews)).windows(
            trade: "Roofing", type: .diagnostic, availability: availability, now: Fixtures.central(23, 6))
        #expect(roofing == .none("no crew in the booking rules takes Roofing work"))
    }

    @Test func anUnreadableCalendarOffersNothingAndSaysWhy() {
        let availability = CrewAvailability(unreadable: ["Plumbers": "cannot read crew.ics"])
        let outcome = BookingWindows(rules: Self.rules()).windows(
            trade: "Plumbing", type: .diagnostic, availability: availability, now: Fixtures.central(23, 6))
        #expect(outcome == .none("the crew calendar could not be read (cannot read crew.ics)"))
    }

    @Test func windowTextReadsLikeACaller() {
        let text = WindowText(zone: Fixtures.zone)
        #expect(
            text.format(OfferedWindow(start: Fixtures.central(24, 9), end: Fixtures.central(24, 10, 30), crew: "x")) == "Tue Nov 24, 9:00-10:30 AM")
        #expect(
            text.format(OfferedWindow(start: Fixtures.central(24, 11, 30), end: Fixtures.central(24, 13), crew: "x"))
                == "Tue Nov 24, 11:30 AM-1:00 PM")
    }
}
