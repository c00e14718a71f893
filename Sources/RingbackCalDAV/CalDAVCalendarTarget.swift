import Foundation
import RingbackCore
import RingbackHTTP
import RingbackNormalisation

/// A CalDAV calendar (Nextcloud, iCloud, Fastmail, Radicale, …) the crew reads, written one resource per
/// event at a name derived from its UID, and read back each run so what the crew changed is followed.
/// Creates carry `If-None-Match: *` and updates `If-Match` with the tag last seen, so nothing the crew
/// wrote meanwhile is overwritten: the server answers 412 and the next run reads the crew's version.
package struct CalDAVCalendarTarget: CalendarTarget {
    package let settings: CalDAVSettings
    package let client: CalDAVClient
    package let zone: LocalZone
    /// The clock the time-range query is centred on.
    var now: @Sendable () -> Date = { Date() }

    package init(settings: CalDAVSettings, zone: LocalZone, http: HTTPClient? = nil) {
        self.settings = settings
        self.zone = zone
        client = CalDAVClient(
            http: http ?? HTTPClient(policy: settings.policy), username: settings.username, password: settings.password,
            target: settings.label)
    }

    package var label: String { settings.label }

    package func open(remembered: [String: SyncedEvent]) throws -> any OpenCalendar {
        try open(remembered: remembered, readState: .empty)
    }

    package func open(remembered: [String: SyncedEvent], readState: CalendarReadState) throws -> any OpenCalendar {
        let calendar = try calendarURL(readState)
        let reader = CalDAVReader(client: client, zone: zone, range: (settings.pastDays, settings.futureDays))
        let read = try reader.read(calendar, state: readState, remembered: remembered, now: now())
        return CalDAVOpenCalendar(target: self, calendar: calendar, found: read.found, readState: read.state)
    }

    /// The calendar's address: configured, remembered from an earlier discovery, or discovered now.
    func calendarURL(_ state: CalendarReadState) throws(CalDAVError) -> URL {
        switch settings.location {
        case .calendar(let url): return url
        case .discover(let server, let name):
            if let known = state.location.flatMap(URL.init(string:)) { return known }
            return try CalDAVDiscovery(client: client).calendar(server: server, named: name)
        }
    }

    /// One PROPFIND of the calendar (after discovery when configured so): what `ringback validate` checks.
    package func check() throws(CalDAVError) -> String {
        let calendar = try calendarURL(.empty)
        let status = try CalDAVDiscovery(client: client).propfind(
            calendar, depth: "0", [("resourcetype", DAVElement.dav), ("displayname", DAVElement.dav)])
        guard let response = status.responses.first, response.properties["resourcetype"]?.child("calendar", DAVElement.caldav) != nil else {
            throw CalDAVError(
                .server(status: nil), target: label, "\(calendar.absoluteString) is not a calendar (no CalDAV calendar resourcetype)")
        }
        let name = response.properties["displayname"]?.text ?? ""
        return "calendar \(name.isEmpty ? calendar.path : "`\(name)`") at \(calendar.absoluteString), account \(settings.username): OK"
    }

    /// The resource name of an event: its UID with anything but letters, digits, `-`, `_` and `.` as `-`.
    static func resourceName(uid: String) -> String {
        String(uid.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" }) + ".ics"
    }
}
