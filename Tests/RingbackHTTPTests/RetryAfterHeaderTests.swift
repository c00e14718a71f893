import Foundation
import Testing

@testable import RingbackHTTP

@Suite struct RetryAfterHeaderTests {
    @Test func readsSecondsAndHTTPDates() {
        let now = ISO8601DateFormatter().date(from: "2026-11-20T07:28:00Z")!
        #expect(RetryAfterHeader.seconds("120", now: now) == 120)
        #expect(RetryAfterHeader.seconds(" 0 ", now: now) == 0)
        #expect(RetryAfterHeader.seconds("Fri, 20 Nov 2026 07:28:30 GMT", now: now) == 30)
        #expect(RetryAfterHeader.seconds("Fri, 20 Nov 2026 07:00:00 GMT", now: now) == 0)
        #expect(RetryAfterHeader.seconds("soon", now: now) == nil)
        #expect(RetryAfterHeader.seconds("-5", now: now) == nil)
        #expect(RetryAfterHeader.seconds(nil, now: now) == nil)
    }
}
