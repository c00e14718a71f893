import Foundation
import RingbackNormalisation
import Testing

@Suite struct LocalPatternTests {
    static let chicago = try! LocalZone(identifier: "America/Chicago")
    static let utc = LocalZone.utc

    static func epoch(_ y: Int, _ mo: Int, _ d: Int, _ h: Int = 0, _ mi: Int = 0, _ s: Int = 0) -> Double {
        utc.date(from: LocalDateTime(year: y, month: mo, day: d, hour: h, minute: mi, second: s)).timeIntervalSince1970
    }

    @Test(arguments: [
        ("yyyy-MM-dd HH:mm:ss", "2026-03-31 09:48:19", epoch(2026, 3, 31, 9, 48, 19)),
        ("yyyy/M/d H:mm", "2026/3/31 9:48", epoch(2026, 3, 31, 9, 48)),
        ("yyyy/M/d H:mm", "2026/12/1 23:05", epoch(2026, 12, 1, 23, 5)),
        ("M/d/yyyy h:mm a", "3/31/2026 9:48 AM", epoch(2026, 3, 31, 9, 48)),
        ("M/d/yyyy h:mm a", "3/31/2026 9:48 pm", epoch(2026, 3, 31, 21, 48)),
        ("M/d/yyyy h:mm a", "3/31/2026 12:05 AM", epoch(2026, 3, 31, 0, 5)),
        ("M/d/yyyy h:mm a", "3/31/2026 12:05 PM", epoch(2026, 3, 31, 12, 5)),
        ("M/d/yyyy h:mm a", "3/31/2026 9:48PM", epoch(2026, 3, 31, 21, 48)),
        ("M/d/yyyy h:mm a", "3/31/2026 9:48 p.m.", epoch(2026, 3, 31, 21, 48)),
        ("MM/dd/yyyy hh:mm:ss a", "03/31/2026 09:48:19 AM", epoch(2026, 3, 31, 9, 48, 19)),
        ("MM/dd/yyyy HH:mm", "3/31/2026 9:48", epoch(2026, 3, 31, 9, 48)),
        ("dd.MM.yy HH:mm", "31.03.26 09:48", epoch(2026, 3, 31, 9, 48)),
        ("yyyyMMddHHmmss", "20260331094819", epoch(2026, 3, 31, 9, 48, 19)),
        ("yyyy-MM-dd'T'HH:mm:ss.SSS", "2026-03-31T09:48:19.815", epoch(2026, 3, 31, 9, 48, 19) + 0.815),
        ("yyyy-MM-ddTHH:mm:ss", "2026-03-31T09:48:19", epoch(2026, 3, 31, 9, 48, 19)),
        ("d MMM yyyy HH:mm", "31 Mar 2026 09:48", epoch(2026, 3, 31, 9, 48)),
        ("EEE d MMM yyyy HH:mm", "Tue 31 March 2026 09:48", epoch(2026, 3, 31, 9, 48)),
        ("yyyy-MM-dd", "2026-03-31", epoch(2026, 3, 31)),
        ("yyyy-MM-dd HH:mm:ss", "2026-03-31   09:48:19", epoch(2026, 3, 31, 9, 48, 19)),
    ])
    func parsesInUTC(format: String, text: String, epoch: Double) throws {
        let pattern = try LocalPattern(format)
        let date = try #require(TimestampParser.local(text, pattern: pattern, zone: Self.utc))
        #expect(abs(date.timeIntervalSince1970 - epoch) < 1e-6)
    }

    @Test func readsInTheGivenZone() throws {
        let pattern = try LocalPattern("yyyy-MM-dd HH:mm:ss")
        #expect(TimestampParser.local("2026-03-31 09:48:19", pattern: pattern, zone: Self.chicago)?.timeIntervalSince1970 == 1_774_968_499)
        #expect(TimestampParser.local("2026-01-15 09:00:00", pattern: pattern, zone: Self.chicago)?.timeIntervalSince1970 == 1_768_489_200)
    }

    @Test(arguments: [
        ("yyyy-MM-dd HH:mm:ss", "2026-02-30 10:00:00"), ("yyyy-MM-dd HH:mm:ss", "2026-03-31 25:00:00"),
        ("yyyy-MM-dd HH:mm:ss", "2026-03-31 09:48"), ("yyyy-MM-dd HH:mm:ss", "2026-03-31 09:48:19 extra"),
        ("yyyy-MM-dd HH:mm:ss", "2026-3-31 09:48:19x"), ("yyyy-MM-dd HH:mm:ss", "26-03-31 09:48:19"),
        ("M/d/yyyy h:mm a", "3/31/2026 13:48 PM"), ("M/d/yyyy h:mm a", "3/31/2026 0:48 AM"),
        ("M/d/yyyy h:mm a", "3/31/2026 9:48"), ("M/d/yyyy h:mm a", "3/31/2026 9:48 XM"),
        ("yyyy/M/d H:mm", "2026/3/31 9:60"), ("yyyy/M/d H:mm", "2026/13/1 9:00"), ("yyyy/M/d H:mm", ""),
        ("yyyyMMddHHmmss", "2026033109481"), ("d MMM yyyy HH:mm", "31 Foo 2026 09:48"),
    ])
    func rejects(format: String, text: String) throws {
        let pattern = try LocalPattern(format)
        #expect(TimestampParser.local(text, pattern: pattern, zone: Self.utc) == nil)
    }

    @Test(arguments: [
        ("yyy-MM-dd", "unsupported token \"yyy\""), ("yyyy-MMMMM-dd", "unsupported token"),
        ("yyyy-MM-dd hh:mm", "needs an AM/PM"), ("yyyy-MM-dd HH:mm a", "needs a 12-hour"),
        ("MM-dd HH:mm", "no year"), ("yyyy-dd", "no month"), ("yyyy-MM", "no day"),
        ("yyyy-MM-dd HH:mm yyyy", "year appears twice"), ("yyyy-MM-dd 'T HH", "unterminated quoted"),
        ("yyyy-mm-dd", "no month"), ("yyyy-MM-dd ss", "seconds without minutes"), ("yyyy-MM-dd HHH", "unsupported token \"HHH\""),
    ])
    func badPatternsThrowClearly(format: String, fragment: String) {
        do {
            _ = try LocalPattern(format)
            Issue.record("\(format) should not compile")
        } catch {
            #expect(error.description.contains(fragment), "\(error.description)")
            #expect(error.description.contains(format))
        }
    }

    @Test func byteOverload() throws {
        let pattern = try LocalPattern("yyyy-MM-dd HH:mm:ss")
        let bytes = Array("2026-03-31 09:48:19".utf8)
        let date = bytes.withUnsafeBufferPointer { TimestampParser.local($0, pattern: pattern, zone: Self.chicago) }
        #expect(date?.timeIntervalSince1970 == 1_774_968_499)
    }
}
