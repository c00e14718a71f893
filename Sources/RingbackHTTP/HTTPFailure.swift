/// Why a request gave up, after its retries: says the URL (without secrets), the status or the
/// transport problem, and how many attempts were made.
package struct HTTPFailure: Error, Sendable, CustomStringConvertible, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The server answered with a status that is not success.
        case status(Int)
        /// No response: refused, dropped, timed out, or a TLS failure.
        case transport(String)
        /// The server asked to be called again later than a scheduled job should wait.
        case retryAfterTooLong(status: Int, seconds: Double)
    }

    package var kind: Kind
    package var displayURL: String
    package var attempts: Int
    package var method: String

    package init(kind: Kind, displayURL: String, attempts: Int, method: String = "GET") {
        self.kind = kind
        self.displayURL = displayURL
        self.attempts = attempts
        self.method = method
    }

    /// The HTTP status, when the server answered.
    package var status: Int? {
        switch kind {
        case .status(let code), .retryAfterTooLong(let code, _): return code
        case .transport: return nil
        }
    }

    /// What happened, without the URL: `HTTP 503 after 4 attempts`.
    package var summary: String {
        let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
        switch kind {
        case .status(let code):
            return "HTTP \(code) after \(tries)"
        case .transport(let message):
            return "no response after \(tries): \(message)"
        case .retryAfterTooLong(let code, let seconds):
            return "HTTP \(code); the server asks to retry after \(Int(seconds)) s, longer than a run waits"
        }
    }

    package var description: String { "\(summary): \(method) \(displayURL)" }
}
