import Foundation
import RingbackNormalisation
import Testing

@Suite struct TimestampEpochTests {
    @Test(arguments: [
        ("1571418000", 1_571_418_000.0), ("1571418000.5", 1_571_418_000.5), ("0", 0.0),
        (" 1571418000 ", 1_571_418_000.0), ("-86400", -86_400.0), ("1571418000.000", 1_571_418_000.0),
    ])
    func seconds(text: String, epoch: Double) {
        #expect(TimestampParser.epochSeconds(text)?.timeIntervalSince1970 == epoch)
    }

    @Test(arguments: [
        ("1571418000123", 1_571_418_000.123), ("1571418000000", 1_571_418_000.0), ("1571418000123.0", 1_571_418_000.123),
        ("0", 0.0), ("1500", 1.5),
    ])
    func milliseconds(text: String, epoch: Double) throws {
        let date = try #require(TimestampParser.epochMilliseconds(text))
        #expect(abs(date.timeIntervalSince1970 - epoch) < 1e-6)
    }

    @Test(arguments: ["", "abc", "1.5e9", "1571418000x", "--5", "1571418000.", "12 34", "1234567890123456789"])
    func rejects(text: String) {
        #expect(TimestampParser.epochSeconds(text) == nil)
        #expect(TimestampParser.epochMilliseconds(text) == nil)
    }
}
