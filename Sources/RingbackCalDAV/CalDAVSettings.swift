import Foundation
import RingbackHTTP

/// A `caldav_calendar` target as configured: where the calendar is (its address, or a server to
/// discover it on), the account, how cancelled events are written, and how patiently to wait.
package struct CalDAVSettings: Sendable {
    package enum Location: Sendable, Hashable {
        /// The calendar collection's own address.
        case calendar(URL)
        /// A server (or an account's domain) to discover the calendar on: `/.well-known/caldav`, then
        /// `current-user-principal`, then `calendar-home-set`, then the calendar by path segment or name.
        case discover(server: URL, calendar: String)
    }

    package enum CancelMode: String, Sendable {
        /// Kept with STATUS:CANCELLED, as in the ICS file (calendar apps hide or strike it).
        case status
        /// Deleted from the server.
        case delete
    }

    package var location: Location
    package var username: String
    package var password: String
    package var cancel: CancelMode = .status
    package var policy: RetryPolicy = RetryPolicy()
    /// Days before now and after it that a server without sync-collection is asked about.
    package var pastDays = 60
    package var futureDays = 400

    package init(location: Location, username: String, password: String) {
        self.location = location
        self.username = username
        self.password = password
    }

    /// What the state knows the calendar by: the account and where the calendar is.
    package var label: String {
        switch location {
        case .calendar(let url): return "caldav-calendar:\(username)@\(url.absoluteString)"
        case .discover(let server, let calendar): return "caldav-calendar:\(username)@\(server.absoluteString)#\(calendar)"
        }
    }
}
