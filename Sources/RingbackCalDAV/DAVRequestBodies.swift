import Foundation
import RingbackCodecs

/// The XML bodies of the requests Ringback makes.
enum DAVRequestBodies {
    private static let head = #"<?xml version="1.0" encoding="utf-8"?>"#

    static func propfind(_ properties: [(name: String, namespace: String)]) -> [UInt8] {
        let props = properties.map { "<\($0.namespace == DAVElement.caldav ? "c" : "d"):\($0.name)/>" }.joined()
        return Array(
            (head + #"<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>"# + props + "</d:prop></d:propfind>").utf8)
    }

    /// RFC 6578: what changed since `token` (everything when empty), with each resource's tag and data.
    static func syncCollection(token: String?) -> [UInt8] {
        let tokenText = token.map { "<d:sync-token>\(escape($0))</d:sync-token>" } ?? "<d:sync-token/>"
        return Array(
            (head + #"<d:sync-collection xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">"# + tokenText
                + "<d:sync-level>1</d:sync-level><d:prop><d:getetag/><c:calendar-data/></d:prop></d:sync-collection>").utf8)
    }

    /// RFC 4791 calendar-query: every VEVENT overlapping the range, with its tag and data.
    static func calendarQuery(from start: Date, to end: Date) -> [UInt8] {
        let range = #"<c:time-range start="\#(utc(start))" end="\#(utc(end))"/>"#
        return Array(
            (head + #"<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav">"#
                + "<d:prop><d:getetag/><c:calendar-data/></d:prop>"
                + #"<c:filter><c:comp-filter name="VCALENDAR"><c:comp-filter name="VEVENT">"# + range
                + "</c:comp-filter></c:comp-filter></c:filter></c:calendar-query>").utf8)
    }

    /// `20261126T150000Z`, as iCalendar writes a UTC time.
    private static func utc(_ instant: Date) -> String {
        String(ICalendarWriter.contentLine(ICalProperty(name: "T", value: .utcDateTime(instant))).dropFirst(2))
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
