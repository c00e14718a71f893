import Foundation
import RingbackCalDAV
import RingbackHTTP

/// What the crew's calendar app does to the calendar: lists, reads, edits (with the tag it read, so the
/// server gives a new one) and deletes events, and reads the collection's sync token.
struct CrewCalendarApp {
    let server: RadicaleServer

    struct Resource {
        var href: String
        var etag: String
        var data: String
    }

    func resources() throws -> [Resource] {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop>
            <c:filter><c:comp-filter name="VCALENDAR"/></c:filter></c:calendar-query>
            """
        let answer = try server.request("REPORT", server.calendarURL, headers: ["Depth": "1", "Content-Type": "application/xml"], body: body)
        guard answer.status == 207, let status = DAVMultiStatus(answer.body) else { throw RadicaleServer.Failed(message: "REPORT \(answer.status)") }
        return status.responses.compactMap { response in
            guard let etag = response.etag, let data = response.calendarData else { return nil }
            return Resource(href: response.href, etag: etag, data: data)
        }
    }

    func resource(uid: String) throws -> Resource? {
        try resources().first { $0.data.contains("UID:\(uid)") }
    }

    func syncToken() throws -> String {
        let body = #"<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:sync-token/></d:prop></d:propfind>"#
        let answer = try server.request("PROPFIND", server.calendarURL, headers: ["Depth": "0", "Content-Type": "application/xml"], body: body)
        return DAVMultiStatus(answer.body)?.responses.first?.properties["sync-token"]?.text ?? ""
    }

    /// Rewrites the event's times as an app does: local times with a TZID, a new DTSTAMP, SEQUENCE + 1.
    @discardableResult
    func move(uid: String, toLocal start: String, end: String, zone: String = "America/Chicago") throws -> Int {
        guard let resource = try resource(uid: uid) else { throw RadicaleServer.Failed(message: "no \(uid)") }
        var lines = unfolded(resource.data)
        for index in lines.indices {
            if lines[index].hasPrefix("DTSTART") { lines[index] = "DTSTART;TZID=\(zone):\(start)" }
            if lines[index].hasPrefix("DTEND") { lines[index] = "DTEND;TZID=\(zone):\(end)" }
            if lines[index].hasPrefix("SEQUENCE:") { lines[index] = "SEQUENCE:\((Int(lines[index].dropFirst(9)) ?? 0) + 1)" }
        }
        return try put(resource, lines: lines)
    }

    /// Sets STATUS:CANCELLED, as an app's "cancel event" does.
    @discardableResult
    func cancel(uid: String) throws -> Int {
        guard let resource = try resource(uid: uid) else { throw RadicaleServer.Failed(message: "no \(uid)") }
        let lines = unfolded(resource.data).map { $0.hasPrefix("STATUS:") ? "STATUS:CANCELLED" : $0 }
        return try put(resource, lines: lines)
    }

    func delete(uid: String) throws -> Int {
        guard let resource = try resource(uid: uid) else { throw RadicaleServer.Failed(message: "no \(uid)") }
        let url = URL(string: resource.href, relativeTo: server.base)!.absoluteURL
        return try server.request("DELETE", url, headers: ["If-Match": resource.etag]).status
    }

    private func put(_ resource: Resource, lines: [String]) throws -> Int {
        let url = URL(string: resource.href, relativeTo: server.base)!.absoluteURL
        let answer = try server.request(
            "PUT", url, headers: ["If-Match": resource.etag, "Content-Type": "text/calendar; charset=utf-8"],
            body: lines.joined(separator: "\r\n") + "\r\n")
        return answer.status
    }

    private func unfolded(_ text: String) -> [String] {
        var lines: [String] = []
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n") {
            if raw.first == " ", !lines.isEmpty { lines[lines.count - 1] += raw.dropFirst() } else { lines.append(String(raw)) }
        }
        return lines
    }
}
