import Foundation

/// A WebDAV 207 Multi-Status answer (PROPFIND, calendar-query, sync-collection): one entry per resource
/// with its status and the properties found, plus the collection's new sync token.
package struct DAVMultiStatus: Sendable {
    package struct Response: Sendable {
        package var href: String
        /// The resource's own status (sync-collection reports a removed resource as 404).
        package var status: Int?
        /// Properties answered 200, by local name.
        package var properties: [String: DAVElement]

        package var etag: String? { properties["getetag"].map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } }
        package var calendarData: String? { properties["calendar-data"]?.text }
        package var removed: Bool { status == 404 || status == 410 }
    }

    package var responses: [Response]
    package var syncToken: String?

    package init?(_ bytes: [UInt8]) {
        guard let root = DAVElement.parse(bytes), root.name == "multistatus", root.namespace == DAVElement.dav else { return nil }
        responses = root.all("response").compactMap(Self.response)
        syncToken = root.child("sync-token").map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    private static func response(_ element: DAVElement) -> Response? {
        guard let href = element.child("href")?.text.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        var properties: [String: DAVElement] = [:]
        for propstat in element.all("propstat") where status(propstat.child("status")?.text) == 200 {
            for property in propstat.child("prop")?.children ?? [] { properties[property.name] = property }
        }
        return Response(href: href, status: status(element.child("status")?.text), properties: properties)
    }

    /// `HTTP/1.1 404 Not Found` → 404.
    static func status(_ line: String?) -> Int? {
        guard let line else { return nil }
        let parts = line.split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) : nil
    }
}
