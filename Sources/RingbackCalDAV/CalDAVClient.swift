import Foundation
import RingbackHTTP

/// WebDAV and CalDAV requests with HTTP Basic authentication over the project's HTTP client (timeouts,
/// retries with backoff on 429, 5xx and dropped connections). Redirects are followed only on the same
/// scheme, host and port, so the password never goes to another host. Errors name the account and the
/// URL, never the password.
package struct CalDAVClient: Sendable {
    package let http: HTTPClient
    package let username: String
    let password: String
    /// Names the target in errors.
    package let target: String

    package init(http: HTTPClient, username: String, password: String, target: String) {
        self.http = http
        self.username = username
        self.password = password
        self.target = target
    }

    /// Sends one request and returns the final answer whatever its status, except a refused password
    /// (401) and a server that never answered, which throw.
    package func send(
        _ method: String, _ url: URL, depth: String? = nil, headers extra: [String: String] = [:], body: [UInt8]? = nil,
        contentType: String = "application/xml; charset=utf-8", followRedirects: Bool = false
    ) throws(CalDAVError) -> HTTPResponse {
        var url = url
        for _ in 0..<5 {
            let response = try once(method, url, depth: depth, headers: extra, body: body, contentType: contentType)
            guard followRedirects, [301, 302, 303, 307, 308].contains(response.status), let next = redirect(from: url, response) else {
                return response
            }
            url = next
        }
        throw CalDAVError(.server(status: nil), target: target, "\(method) \(url.absoluteString): too many redirects")
    }

    private func once(
        _ method: String, _ url: URL, depth: String?, headers extra: [String: String], body: [UInt8]?, contentType: String
    ) throws(CalDAVError) -> HTTPResponse {
        let credentials = Data("\(username):\(password)".utf8).base64EncodedString()
        var headers = ["Authorization": "Basic \(credentials)", "User-Agent": "Ringback"]
        if let depth { headers["Depth"] = depth }
        if body != nil { headers["Content-Type"] = contentType }
        headers.merge(extra) { _, new in new }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body, displayURL: url.absoluteString)
        let response: HTTPResponse
        do {
            response = try http.send(request, retryable: { http.policy.isRetryable(status: $0.status) })
        } catch {
            throw CalDAVError(.unreachable, target: target, "the CalDAV server did not answer: \(error.description)")
        }
        if response.status == 401 {
            throw CalDAVError(
                .credentials, target: target,
                "the server refused the username and password of account `\(username)` (HTTP 401 from \(method) \(url.absoluteString)); check the password (iCloud and Fastmail need an app-specific password)"
            )
        }
        if (500...599).contains(response.status) {
            throw CalDAVError(
                .unreachable, target: target,
                "the CalDAV server failed: HTTP \(response.status) after \(response.attempts) attempt\(response.attempts == 1 ? "" : "s") for \(method) \(url.absoluteString)"
            )
        }
        return response
    }

    /// The redirect's target when it stays on the same scheme, host and port; else an error is better
    /// than sending the password elsewhere, so nil (the 3xx is returned to the caller).
    private func redirect(from url: URL, _ response: HTTPResponse) -> URL? {
        guard let location = response.header("Location"), let next = URL(string: location, relativeTo: url)?.absoluteURL else { return nil }
        guard next.scheme == url.scheme, next.host == url.host, next.port == url.port else { return nil }
        return next
    }

    /// A path the server answered (an href) as a URL on the same server.
    package func url(_ href: String, relativeTo base: URL) -> URL? {
        URL(string: href, relativeTo: base)?.absoluteURL
    }
}
