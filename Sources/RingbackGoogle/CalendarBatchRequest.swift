import RingbackJSON

/// A Calendar batch as `multipart/mixed`: one `application/http` part per call, named `<item-N>` so the
/// answer's `<response-item-N>` parts can be matched back to the calls.
struct CalendarBatchRequest: Sendable {
    var boundary: String
    var body: [UInt8]

    var contentType: String { "multipart/mixed; boundary=\(boundary)" }

    /// `items` pairs each call with its number, unique within the run of a batch.
    init(items: [(number: Int, call: CalendarCall)], boundary: String = CalendarBatchRequest.randomBoundary()) {
        self.boundary = boundary
        var out = ""
        for (number, call) in items {
            out += "--\(boundary)\r\n"
            out += "Content-Type: application/http\r\n"
            out += "Content-ID: <item-\(number)>\r\n\r\n"
            out += "\(call.method) \(call.path) HTTP/1.1\r\n"
            if let json = call.body {
                let text = json.text
                out += "Content-Type: application/json; charset=UTF-8\r\n"
                out += "Content-Length: \(text.utf8.count)\r\n\r\n"
                out += text + "\r\n"
            } else {
                out += "\r\n"
            }
        }
        out += "--\(boundary)--\r\n"
        body = Array(out.utf8)
    }

    static func randomBoundary() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return "ringback_" + String((0..<24).map { _ in alphabet.randomElement()! })
    }
}
