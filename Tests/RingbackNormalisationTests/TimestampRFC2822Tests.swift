import Foundation
import RingbackNormalisation
import Testing

@Suite struct TimestampRFC2822Tests {
    @Test(arguments: [
        ("Fri, 18 Oct 2019 17:00:00 +0000", 1_571_418_000.0),
        ("18 Oct 2019 17:00:00 +0000", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 17:00:00 GMT", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 17:00:00 UT", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 17:00:00 UTC", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 17:00:00 Z", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 12:00:00 EST", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 11:00:00 EST", 1_571_418_000.0 - 3600),
        ("Fri, 18 Oct 2019 13:00:00 EDT", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 12:00:00 CDT", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 10:00:00 PDT", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 10:00:00 MST", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 12:00:00 -0500", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 22:30:00 +0530", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 17:00 +0000", 1_571_418_000.0),
        ("Sat, 5 Oct 2019 09:07:00 +0000", 1_570_266_420.0),
        ("5 oct 2019 09:07:00 +0000", 1_570_266_420.0),
        ("Saturday, 05 October 2019 09:07:00 +0000", 1_570_266_420.0),
        ("  Fri, 18 Oct 2019 17:00:00 +0000  ", 1_571_418_000.0),
        ("Fri, 18 Oct 2019 17:00:00 +0000 (UTC)", 1_571_418_000.0),
        ("Fri,  18  Oct  2019  17:00:00  +0000", 1_571_418_000.0),
        ("Fri, 18 Oct 19 17:00:00 +0000", 1_571_418_000.0),
        ("Fri, 31 Dec 1999 23:59:59 +0000", 946_684_799.0),
        ("Thu, 29 Feb 2024 12:00:00 +0000", 1_709_208_000.0),
        ("Fri, 18 Oct 2019 17:00:00.250 +0000", 1_571_418_000.25),
    ])
    func parses(text: String, epoch: Double) {
        #expect(TimestampParser.rfc2822(text)?.timeIntervalSince1970 == epoch)
    }

    @Test(arguments: [
        "", "garbage", "Fri, 18 Oct 2019", "Fri, 18 Oct 2019 17:00:00", "Fri, 30 Feb 2019 17:00:00 +0000",
        "Fri, 18 Oct 2019 25:00:00 +0000", "Fri, 18 Oct 2019 17:60:00 +0000", "Fri, 18 Oct 2019 17:00:61 +0000",
        "Fri, 18 Foo 2019 17:00:00 +0000", "Xyz, 18 Oct 2019 17:00:00 +0000", "Fri, 18 Oct 2019 17:00:00 XYZ",
        "Fri, 18 Oct 2019 17:00:00 +00", "Fri, 18 Oct 2019 17:00:00 +0000 trailing", "Fri, 0 Oct 2019 17:00:00 +0000",
        "Fri, 29 Feb 2019 17:00:00 +0000", "Fri, 31 Apr 2019 17:00:00 +0000", "2019-10-18T17:00:00Z",
    ])
    func rejects(text: String) {
        #expect(TimestampParser.rfc2822(text) == nil)
    }

    @Test func byteOverload() {
        let bytes = Array("Fri, 18 Oct 2019 17:00:00 +0000".utf8)
        #expect(bytes.withUnsafeBufferPointer { TimestampParser.rfc2822($0) }?.timeIntervalSince1970 == 1_571_418_000)
    }
}
