import Foundation
import RingbackCodecs
import RingbackJSON

/// One whole HTTP request as the emulator's handlers see it: raw path, decoded query, headers, body.
struct HTTPRequestData: Sendable {
    var method: String
    /// The path as sent, still percent-encoded (Google's colon verbs are matched on it).
    var rawPath: String
    var query: [(name: String, value: String)]
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    init(method: String, target: String, headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method.uppercased()
        self.headers = headers
        self.body = body
        if let mark = target.firstIndex(of: "?") {
            rawPath = String(target[..<mark])
            query = Self.parseForm(String(target[target.index(after: mark)...]))
        } else {
            rawPath = target
            query = []
        }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }
    func queryValues(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }

    /// application/x-www-form-urlencoded pairs: `+` is a space, then percent-decoding.
    static func parseForm(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String { PercentEncoding.decode(s.replacingOccurrences(of: "+", with: " ")) }
            return (decode(parts[0]), parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}

/// A whole HTTP response before it is written.
struct HTTPResponseData: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    static func json(_ status: Int, _ value: JSONValue) -> HTTPResponseData {
        HTTPResponseData(status: status, headers: [("Content-Type", "application/json; charset=UTF-8")], body: value.bytes())
    }

    static func empty(_ status: Int) -> HTTPResponseData {
        HTTPResponseData(status: status, headers: [], body: [])
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 410: "Gone"
        case 412: "Precondition Failed"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status \(status)"
        }
    }
}
