import RingbackHTTP
import RingbackJSON

/// What Google says in an error body, in any of the shapes it uses: `{"error":{"code","message","status",
/// "details":[ErrorInfo…]}}` (Sheets), the legacy `{"error":{"errors":[{"reason"}],…}}` (Calendar) and the
/// token endpoint's `{"error":"invalid_grant","error_description":…}`.
struct GoogleErrorBody: Sendable, Hashable {
    var statusText: String?
    var reason: String?
    var message: String?

    init(statusText: String? = nil, reason: String? = nil, message: String? = nil) {
        self.statusText = statusText
        self.reason = reason
        self.message = message
    }

    init(bytes: [UInt8]) {
        guard !bytes.isEmpty, let document = try? JSONValue.parse(bytes) else {
            self.init()
            return
        }
        self.init(document)
    }

    init(_ document: JSONValue) {
        if let word = document["error"]?.string {
            reason = word
            message = document["error_description"]?.string
            return
        }
        guard let error = document["error"] else { return }
        statusText = error["status"]?.string
        message = error["message"]?.string
        let infoReason = error["details"]?.array?.lazy
            .filter { $0["@type"]?.string?.hasSuffix("google.rpc.ErrorInfo") ?? false }
            .compactMap { $0["reason"]?.string }.first
        reason = infoReason ?? error["errors"]?[0]?["reason"]?.string
    }
}

extension GoogleAPIError {
    /// The error for a final non-2xx answer, with Google's words and Ringback's advice.
    static func from(_ response: HTTPResponse, operation: String, account: String, context: GoogleErrorHints.Context) -> GoogleAPIError {
        var body = GoogleErrorBody(bytes: response.body)
        if body == GoogleErrorBody(), !response.body.isEmpty {
            body.message = "the answer is not a Google error (\(response.body.count) bytes of \(response.header("Content-Type") ?? "unknown type"))"
        }
        return GoogleAPIError(
            status: response.status, body: body, operation: operation, account: account,
            context: context, attempts: response.attempts)
    }

    init(status: Int, body: GoogleErrorBody, operation: String, account: String, context: GoogleErrorHints.Context, attempts: Int = 1) {
        let message = body.message ?? (status == 404 ? "Not Found" : "Google gave no error message")
        self.init(
            kind: .http, status: status, statusText: body.statusText, reason: body.reason, message: message,
            operation: operation,
            hint: GoogleErrorHints.hint(
                status: status, statusText: body.statusText, reason: body.reason,
                operation: operation, account: account, context: context),
            attempts: attempts)
    }
}
