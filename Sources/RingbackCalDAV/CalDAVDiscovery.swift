import Foundation

/// Finds a calendar from the server's address, as calendar apps do (RFC 6764, RFC 4791): the
/// `/.well-known/caldav` redirect (same host only), `current-user-principal`, its `calendar-home-set`,
/// then the calendar in the home by the last part of its path or by its display name.
struct CalDAVDiscovery {
    let client: CalDAVClient

    func calendar(server: URL, named name: String) throws(CalDAVError) -> URL {
        let principal = try principal(server)
        let home = try property(principal, "calendar-home-set", DAVElement.caldav, what: "a calendar home (calendar-home-set)")
        let listing = try propfind(home, depth: "1", [("resourcetype", DAVElement.dav), ("displayname", DAVElement.dav)])
        var names: [String] = []
        for response in listing.responses {
            guard response.properties["resourcetype"]?.child("calendar", DAVElement.caldav) != nil,
                let url = client.url(response.href, relativeTo: home)
            else { continue }
            let segment = url.path.split(separator: "/").last.map(String.init) ?? ""
            let display = response.properties["displayname"]?.text ?? ""
            if segment == name || display == name { return url }
            names.append(display.isEmpty ? segment : display)
        }
        throw CalDAVError(
            .server(status: nil), target: client.target,
            "no calendar `\(name)` in \(home.absoluteString) of account `\(client.username)`; found: \(names.isEmpty ? "none" : names.sorted().joined(separator: ", "))"
        )
    }

    /// The account's principal: asked at `/.well-known/caldav`, else at the server's address itself.
    private func principal(_ server: URL) throws(CalDAVError) -> URL {
        let wellKnown = URL(string: "/.well-known/caldav", relativeTo: server)!.absoluteURL
        for start in [wellKnown, server] {
            let response = try client.send(
                "PROPFIND", start, depth: "0", body: DAVRequestBodies.propfind([("current-user-principal", DAVElement.dav)]),
                followRedirects: true)
            if [301, 302, 303, 307, 308].contains(response.status) {
                throw CalDAVError(
                    .server(status: response.status), target: client.target,
                    "\(start.absoluteString) redirects to another host (\(response.header("Location") ?? "?")); set `server:` to that address")
            }
            guard response.status == 207, let status = DAVMultiStatus(response.body),
                let href = status.responses.first?.properties["current-user-principal"]?.child("href")?.text,
                let url = client.url(href.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: start)
            else { continue }
            return url
        }
        throw CalDAVError(
            .server(status: nil), target: client.target,
            "\(server.absoluteString) does not say where account `\(client.username)`'s calendars are (no current-user-principal); set `url:` to the calendar's address"
        )
    }

    private func property(_ url: URL, _ name: String, _ namespace: String, what: String) throws(CalDAVError) -> URL {
        let status = try propfind(url, depth: "0", [(name, namespace)])
        guard let href = status.responses.first?.properties[name]?.child("href")?.text,
            let found = client.url(href.trimmingCharacters(in: .whitespacesAndNewlines), relativeTo: url)
        else {
            throw CalDAVError(.server(status: nil), target: client.target, "\(url.absoluteString) names no \(what) for account `\(client.username)`")
        }
        return found
    }

    func propfind(_ url: URL, depth: String, _ properties: [(name: String, namespace: String)]) throws(CalDAVError) -> DAVMultiStatus {
        let response = try client.send("PROPFIND", url, depth: depth, body: DAVRequestBodies.propfind(properties))
        guard response.status == 207, let status = DAVMultiStatus(response.body) else {
            throw CalDAVError(
                .server(status: response.status), target: client.target,
                "PROPFIND \(url.absoluteString) answered HTTP \(response.status)\(response.status == 404 ? " (no such collection)" : response.status == 403 ? " (account `\(client.username)` may not read it)" : "")"
            )
        }
        return status
    }
}
