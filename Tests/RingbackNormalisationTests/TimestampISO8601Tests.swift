import Foundation
import RingbackNormalisation
import Testing

@Suite struct TimestampISO8601Tests {
    static let chicago = try! LocalZone(identifier: "America/Chicago")

    @Test(arguments: [
        ("2026-03-31T09:48:19.815-07:00", 1_774_975_699.815),
        ("2019-10-18T17:00:00Z", 1_571_418_000.0),
        ("2019-10-18t17:00:00z", 1_571_418_000.0),
        ("2026-11-24T10:00:00.123Z", 1_795_514_400.123),
        ("2019-10-18 17:00:00Z", 1_571_418_000.0),
        ("2019-10-18T17:00Z", 1_571_418_000.0),
        ("2019-10-18T12:00:00-05:00", 1_571_418_000.0),
        ("2019-10-18T12:00:00-0500", 1_571_418_000.0),
        ("2019-10-18T12:00:00-05", 1_571_418_000.0),
        ("2019-10-18T22:30:00+05:30", 1_571_418_000.0),
        ("2019-10-18 17:00:00 UTC", 1_571_418_000.0),
        ("2019-10-18 17:00:00 +00:00", 1_571_418_000.0),
        ("2019-10-18T17:00:00,5Z", 1_571_418_000.5),
        ("2019-10-18T17:00:00.123456789Z", 1_571_418_000.123456789),
        ("2019-10-17T24:00:00Z", 1_571_356_800.0),
        ("  2019-10-18T17:00:00Z ", 1_571_418_000.0),
    ])
    func parsesWithOffset(text: String, epoch: Double) throws {
        let date = try #require(TimestampParser.iso8601(text, defaultZone: nil))
        #expect(abs(date.timeIntervalSince1970 - epoch) < 1e-6)
    }

    @Test(arguments: [
        ("2026-03-31T09:48:19", 1_774_968_499.0),
        ("2026-03-31 09:48:19", 1_774_968_499.0),
        ("2026-01-15 09:00", 1_768_489_200.0),
        ("2026-03-08 02:30:00", 1_772_958_600.0),
        ("2026-11-01 01:30:00", 1_793_514_600.0),
    ])
    func zoneLessTextUsesDefaultZone(text: String, epoch: Double) {
        #expect(TimestampParser.iso8601(text, defaultZone: Self.chicago)?.timeIntervalSince1970 == epoch)
    }

    @Test func zoneLessTextWithoutDefaultZoneIsNil() {
        #expect(TimestampParser.iso8601("2026-03-31T09:48:19", defaultZone: nil) == nil)
    }

    @Test func explicitOffsetBeatsDefaultZone() {
        #expect(TimestampParser.iso8601("2019-10-18T17:00:00Z", defaultZone: Self.chicago)?.timeIntervalSince1970 == 1_571_418_000)
    }

    @Test(arguments: [
        "", "2019-10-18", "2019-10-18T", "2019-02-30T10:00:00Z", "2019-10-18T25:00:00Z", "2019-10-18T24:30:00Z",
        "2019-13-01T10:00:00Z", "2019-10-18T10:60:00Z", "2019-10-18T10:00:60Z", "2019-10-18T10:00:00+25:00",
        "2019-10-18T10:00:00EST", "2019-10-18T10:00:00Zjunk", "19-10-18T10:00:00Z", "2019/10/18T10:00:00Z",
        "2019-10-18T10:00:00.Z", "Fri, 18 Oct 2019 17:00:00 +0000",
    ])
    func rejects(text: String) {
        #expect(TimestampParser.iso8601(text, defaultZone: Self.chicago) == nil)
    }

    @Test func byteOverload() {
        let bytes = Array("2019-10-18T17:00:00Z".utf8)
        #expect(bytes.withUnsafeBufferPointer { TimestampParser.iso8601($0, defaultZone: nil) }?.timeIntervalSince1970 == 1_571_418_000)
    }
}
