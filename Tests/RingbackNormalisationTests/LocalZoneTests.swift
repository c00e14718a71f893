import Foundation
import RingbackNormalisation
import RingbackSeededRandom
import Testing

@Suite struct LocalZoneTests {
    static let chicago = try! LocalZone(identifier: "America/Chicago")
    static let london = try! LocalZone(identifier: "Europe/London")

    static func at(_ epoch: Int) -> Date { Date(timeIntervalSince1970: Double(epoch)) }

    @Test func unknownIdentifierThrows() {
        #expect(throws: LocalZoneError.self) { try LocalZone(identifier: "America/Atlantis") }
        do {
            _ = try LocalZone(identifier: "Mars/Olympus")
        } catch {
            #expect(error.description.contains("Mars/Olympus"))
        }
    }

    @Test(arguments: [
        ("America/Chicago", 1_772_956_799, LocalDateTime(year: 2026, month: 3, day: 8, hour: 1, minute: 59, second: 59), -21_600),
        ("America/Chicago", 1_772_956_800, LocalDateTime(year: 2026, month: 3, day: 8, hour: 3), -18_000),
        ("America/Chicago", 1_793_516_399, LocalDateTime(year: 2026, month: 11, day: 1, hour: 1, minute: 59, second: 59), -18_000),
        ("America/Chicago", 1_793_516_400, LocalDateTime(year: 2026, month: 11, day: 1, hour: 1), -21_600),
        ("America/Chicago", 1_783_184_400, LocalDateTime(year: 2026, month: 7, day: 4, hour: 12), -18_000),
        ("Europe/London", 1_774_745_999, LocalDateTime(year: 2026, month: 3, day: 29, hour: 0, minute: 59, second: 59), 0),
        ("Europe/London", 1_774_746_000, LocalDateTime(year: 2026, month: 3, day: 29, hour: 2), 3600),
        ("Europe/London", 1_792_889_999, LocalDateTime(year: 2026, month: 10, day: 25, hour: 1, minute: 59, second: 59), 3600),
        ("Europe/London", 1_792_890_000, LocalDateTime(year: 2026, month: 10, day: 25, hour: 1), 0),
        ("Asia/Kolkata", 1_571_418_000, LocalDateTime(year: 2019, month: 10, day: 18, hour: 22, minute: 30), 19_800),
        ("UTC", 0, LocalDateTime(year: 1970, month: 1, day: 1), 0),
    ])
    func componentsAcrossTransitions(id: String, epoch: Int, expected: LocalDateTime, offset: Int) throws {
        let zone = try LocalZone(identifier: id)
        #expect(zone.components(of: Self.at(epoch)) == expected)
        #expect(zone.secondsFromUTC(at: Self.at(epoch)) == offset)
    }

    @Test(arguments: [
        ("America/Chicago", LocalDateTime(year: 2026, month: 3, day: 8, hour: 1, minute: 59, second: 59), 1_772_956_799),
        ("America/Chicago", LocalDateTime(year: 2026, month: 3, day: 8, hour: 2), 1_772_956_800),
        ("America/Chicago", LocalDateTime(year: 2026, month: 3, day: 8, hour: 2, minute: 30), 1_772_958_600),
        ("America/Chicago", LocalDateTime(year: 2026, month: 3, day: 8, hour: 3), 1_772_956_800),
        ("America/Chicago", LocalDateTime(year: 2026, month: 11, day: 1, hour: 0, minute: 59, second: 59), 1_793_512_799),
        ("America/Chicago", LocalDateTime(year: 2026, month: 11, day: 1, hour: 1, minute: 30), 1_793_514_600),
        ("America/Chicago", LocalDateTime(year: 2026, month: 11, day: 1, hour: 2), 1_793_520_000),
        ("Europe/London", LocalDateTime(year: 2026, month: 3, day: 29, hour: 1, minute: 30), 1_774_747_800),
        ("Europe/London", LocalDateTime(year: 2026, month: 3, day: 29, hour: 2), 1_774_746_000),
        ("Europe/London", LocalDateTime(year: 2026, month: 10, day: 25, hour: 1, minute: 30), 1_792_888_200),
        ("Europe/London", LocalDateTime(year: 2026, month: 10, day: 25, hour: 2), 1_792_893_600),
        ("Europe/London", LocalDateTime(year: 2026, month: 7, day: 1, hour: 12), 1_782_903_600),
    ])
    func dateFromLocalGapShiftsForwardOverlapTakesEarlier(id: String, local: LocalDateTime, epoch: Int) throws {
        let zone = try LocalZone(identifier: id)
        #expect(zone.date(from: local) == Self.at(epoch))
    }

    @Test func springForwardDayIs23Hours() {
        let start = LocalDateTime(year: 2026, month: 3, day: 7, hour: 9)
        let next = start.addingDays(1)
        #expect(next == LocalDateTime(year: 2026, month: 3, day: 8, hour: 9))
        let hours = Self.chicago.date(from: next).timeIntervalSince(Self.chicago.date(from: start)) / 3600
        #expect(hours == 23)
        let fallBack = LocalDateTime(year: 2026, month: 10, day: 31, hour: 9)
        #expect(Self.chicago.date(from: fallBack.addingDays(1)).timeIntervalSince(Self.chicago.date(from: fallBack)) / 3600 == 25)
    }

    @Test(arguments: [
        (LocalDateTime(year: 2026, month: 12, day: 31, hour: 8), 1, LocalDateTime(year: 2027, month: 1, day: 1, hour: 8)),
        (LocalDateTime(year: 2024, month: 2, day: 28), 1, LocalDateTime(year: 2024, month: 2, day: 29)),
        (LocalDateTime(year: 2023, month: 2, day: 28), 1, LocalDateTime(year: 2023, month: 3, day: 1)),
        (LocalDateTime(year: 2026, month: 3, day: 1, minute: 5), -1, LocalDateTime(year: 2026, month: 2, day: 28, minute: 5)),
        (LocalDateTime(year: 2026, month: 1, day: 1), 365, LocalDateTime(year: 2027, month: 1, day: 1)),
        (LocalDateTime(year: 2026, month: 1, day: 1), -36_525, LocalDateTime(year: 1926, month: 1, day: 1)),
        (LocalDateTime(year: 2026, month: 5, day: 5), 0, LocalDateTime(year: 2026, month: 5, day: 5)),
    ])
    func addingDays(start: LocalDateTime, days: Int, expected: LocalDateTime) {
        #expect(start.addingDays(days) == expected)
    }

    @Test(arguments: [
        (LocalDateTime(year: 2026, month: 3, day: 30), 1), (LocalDateTime(year: 2026, month: 3, day: 31), 2),
        (LocalDateTime(year: 2019, month: 10, day: 18), 5), (LocalDateTime(year: 2026, month: 11, day: 1), 7),
        (LocalDateTime(year: 1970, month: 1, day: 1), 4), (LocalDateTime(year: 2000, month: 2, day: 29), 2),
        (LocalDateTime(year: 1900, month: 1, day: 1), 1),
    ])
    func weekdayIsMondayOne(local: LocalDateTime, weekday: Int) {
        #expect(local.weekday == weekday)
    }

    @Test func outOfRangeFieldsRollOver() {
        let zone = LocalZone.utc
        #expect(zone.date(from: LocalDateTime(year: 2026, month: 2, day: 30)) == zone.date(from: LocalDateTime(year: 2026, month: 3, day: 2)))
        #expect(zone.date(from: LocalDateTime(year: 2026, month: 13, day: 1)) == zone.date(from: LocalDateTime(year: 2027, month: 1, day: 1)))
        #expect(
            zone.date(from: LocalDateTime(year: 2026, month: 1, day: 1, hour: 24)) == zone.date(from: LocalDateTime(year: 2026, month: 1, day: 2)))
        #expect(!LocalDateTime(year: 2026, month: 2, day: 30).isValid)
        #expect(!LocalDateTime(year: 2026, month: 1, day: 1, hour: 24).isValid)
        #expect(LocalDateTime(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59).isValid)
    }

    @Test func orderingAndDescription() {
        let a = LocalDateTime(year: 2026, month: 3, day: 8, hour: 9)
        #expect(a < a.addingDays(1))
        #expect(LocalDateTime(year: 2026, month: 3, day: 8, hour: 9, minute: 1) > a)
        #expect(a.description == "2026-03-08 09:00:00")
        #expect(a.startOfDay == LocalDateTime(year: 2026, month: 3, day: 8))
    }

    @Test func zonesCompareByIdentifier() throws {
        #expect(try LocalZone(identifier: "America/Chicago") == Self.chicago)
        #expect(Self.chicago != Self.london)
        #expect(Self.chicago.identifier == "America/Chicago")
    }

    @Test(arguments: [
        "America/Chicago", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "America/Sao_Paulo",
        "Pacific/Apia", "America/St_Johns", "Asia/Kathmandu", "UTC", "Europe/Dublin",
    ])
    func roundTripAgreesWithFoundation(id: String) throws {
        let zone = try LocalZone(identifier: id)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: id))
        var rng = SeededRandom(seed: UInt64(truncatingIfNeeded: id.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        let low = -2_208_988_800, high = 7_258_118_400
        for _ in 0..<2_000 {
            let epoch = low + Int(rng.next() % UInt64(high - low))
            let date = Self.at(epoch)
            let local = zone.components(of: date)
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
            #expect(
                local == LocalDateTime(year: c.year!, month: c.month!, day: c.day!, hour: c.hour!, minute: c.minute!, second: c.second!), "\(epoch)")
            #expect(local.weekday == (c.weekday! + 5) % 7 + 1)
            let back = zone.date(from: local)
            #expect(zone.components(of: back) == local)
            if back != date {
                #expect(back < date && date.timeIntervalSince(back) <= 7200, "only the later occurrence of a repeated hour may differ: \(epoch)")
            }
        }
    }

    @Test func farFutureBeyondTheTableStillWorks() {
        let local = LocalDateTime(year: 2300, month: 7, day: 1, hour: 12)
        #expect(Self.chicago.components(of: Self.chicago.date(from: local)) == local)
        #expect(Self.chicago.secondsFromUTC(at: Self.chicago.date(from: local)) == -18_000)
    }
}
