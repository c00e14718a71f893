/// How often and how patiently a request is repeated after 429, 5xx or a dropped connection:
/// exponential backoff with jitter, or the server's own `Retry-After` when it sends one.
package struct RetryPolicy: Sendable, Equatable {
    /// Attempts in all, the first included.
    package var maxAttempts: Int
    package var baseDelay: Double
    package var maxDelay: Double
    /// A `Retry-After` longer than this gives up instead of stalling the scheduled run.
    package var maxRetryAfter: Double
    /// Seconds to wait for the next bytes of a response.
    package var requestTimeout: Double
    /// Seconds one attempt may take in all.
    package var attemptTimeout: Double

    package init(
        maxAttempts: Int = 4, baseDelay: Double = 1, maxDelay: Double = 30, maxRetryAfter: Double = 120,
        requestTimeout: Double = 30, attemptTimeout: Double = 120
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
        self.requestTimeout = requestTimeout
        self.attemptTimeout = attemptTimeout
    }

    package static let standard = RetryPolicy()

    /// Too many requests, and server-side failures that are usually brief.
    package func isRetryable(status: Int) -> Bool {
        status == 408 || status == 429 || (500...599).contains(status) && status != 501 && status != 505
    }

    /// Seconds to wait before attempt `attempt + 1`; `unit` is a random number in 0..<1.
    /// Half the backoff is fixed and half is random, so many clients do not retry in step.
    package func backoff(afterAttempt attempt: Int, unit: Double) -> Double {
        let exponential = baseDelay * Double(1 << min(max(attempt - 1, 0), 20))
        let capped = min(maxDelay, exponential)
        return capped / 2 + capped / 2 * min(max(unit, 0), 1)
    }
}
