/// Why a call to a Google API (or its token endpoint) failed for good, after retries: Google's HTTP status,
/// its `status` and `reason` words, its message, and what the person setting Ringback up should do.
/// Never carries a token, a key or a secret.
package struct GoogleAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    package enum Kind: Sendable, Hashable {
        /// Google answered with an error status.
        case http
        /// No answer: refused, dropped, timed out.
        case transport
        /// The key file, refresh token or config is unusable (read before any request).
        case credentials
        /// Google answered 2xx with a body Ringback could not read.
        case badResponse
    }

    package var kind: Kind
    /// HTTP status, when Google answered.
    package var status: Int?
    /// Google's status word, e.g. `PERMISSION_DENIED`, `RESOURCE_EXHAUSTED`, `INVALID_ARGUMENT`.
    package var statusText: String?
    /// Google's reason, e.g. `rateLimitExceeded`, `duplicate`, `deleted`, `RATE_LIMIT_EXCEEDED`, `invalid_grant`.
    package var reason: String?
    package var message: String
    /// What was being done, without secrets: `sheets values:batchGet 1AbC…`.
    package var operation: String
    /// What to do about it, when Ringback knows (e.g. share the sheet with the service account).
    package var hint: String?
    package var attempts: Int

    package init(
        kind: Kind, status: Int? = nil, statusText: String? = nil, reason: String? = nil, message: String,
        operation: String, hint: String? = nil, attempts: Int = 1
    ) {
        self.kind = kind
        self.status = status
        self.statusText = statusText
        self.reason = reason
        self.message = message
        self.operation = operation
        self.hint = hint
        self.attempts = attempts
    }

    /// One line: `sheets values:batchGet: HTTP 403 PERMISSION_DENIED: The caller does not have permission (share …)`.
    package var description: String {
        var parts = [operation + ":"]
        if let status { parts.append("HTTP \(status)") }
        if let statusText { parts.append(statusText) }
        if let reason, reason != statusText { parts.append("(\(reason))") }
        var line = parts.joined(separator: " ") + ": " + message
        if attempts > 1 { line += " after \(attempts) attempts" }
        if let hint { line += ". " + hint }
        return line
    }
}
