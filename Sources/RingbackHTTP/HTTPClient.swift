import Foundation

/// Sends requests and retries what is worth retrying (429, most 5xx, dropped connections and timeouts),
/// waiting as the `RetryPolicy` or the server's `Retry-After` says. Anything else fails at once.
package struct HTTPClient: Sendable {
    package let policy: RetryPolicy
    let transport: any HTTPTransport
    let pause: @Sendable (Double) -> Void
    let random: @Sendable () -> Double
    /// Told about each retry, for progress and logs; the message carries no secrets.
    package var onRetry: (@Sendable (String) -> Void)?

    package init(policy: RetryPolicy = .standard, onRetry: (@Sendable (String) -> Void)? = nil) {
        self.init(
            policy: policy, transport: AsyncHTTPClientTransport(requestTimeout: policy.requestTimeout, attemptTimeout: policy.attemptTimeout),
            pause: { Thread.sleep(forTimeInterval: $0) }, random: { Double.random(in: 0..<1) }, onRetry: onRetry)
    }

    package init(
        policy: RetryPolicy, transport: any HTTPTransport, pause: @escaping @Sendable (Double) -> Void,
        random: @escaping @Sendable () -> Double, onRetry: (@Sendable (String) -> Void)? = nil
    ) {
        self.policy = policy
        self.transport = transport
        self.pause = pause
        self.random = random
        self.onRetry = onRetry
    }

    /// A 2xx response, or a failure for any other status once the retries are spent.
    package func get(_ request: HTTPRequest) throws(HTTPFailure) -> HTTPResponse {
        let response = try exchange(request, retryable: { policy.isRetryable(status: $0.status) }, refuseLongRetryAfter: true)
        guard (200..<300).contains(response.status) else {
            throw HTTPFailure(
                kind: .status(response.status), displayURL: request.displayURL, attempts: response.attempts,
                method: request.method)
        }
        return response
    }

    /// Retries as `get` does, with `retryable` deciding which answers are worth another attempt, and returns the
    /// last answer whatever its status, so the caller can read the server's error body. A `Retry-After` longer
    /// than the policy allows ends the retries with that answer. Only a transport failure throws.
    package func send(_ request: HTTPRequest, retryable: (HTTPResponse) -> Bool) throws(HTTPFailure) -> HTTPResponse {
        try exchange(request, retryable: retryable, refuseLongRetryAfter: false)
    }

    private func exchange(
        _ request: HTTPRequest, retryable: (HTTPResponse) -> Bool,
        refuseLongRetryAfter: Bool
    ) throws(HTTPFailure) -> HTTPResponse {
        var attempt = 0
        while true {
            attempt += 1
            let wait: Double
            let problem: String
            switch transport.send(request) {
            case .success(var response):
                response.attempts = attempt
                if (200..<300).contains(response.status) { return response }
                guard attempt < policy.maxAttempts, retryable(response) else { return response }
                if let asked = RetryAfterHeader.seconds(response.header("Retry-After")) {
                    guard asked <= policy.maxRetryAfter else {
                        guard refuseLongRetryAfter else { return response }
                        throw HTTPFailure(
                            kind: .retryAfterTooLong(status: response.status, seconds: asked),
                            displayURL: request.displayURL, attempts: attempt, method: request.method)
                    }
                    wait = asked
                } else {
                    wait = policy.backoff(afterAttempt: attempt, unit: random())
                }
                problem = "HTTP \(response.status)"
            case .failure(let error):
                guard error.retryable, attempt < policy.maxAttempts else {
                    throw HTTPFailure(
                        kind: .transport(error.message), displayURL: request.displayURL, attempts: attempt,
                        method: request.method)
                }
                wait = policy.backoff(afterAttempt: attempt, unit: random())
                problem = error.message
            }
            onRetry?(
                "\(problem) from \(request.method) \(request.displayURL); retrying in \(String(format: "%.1f", wait)) s (attempt \(attempt + 1) of \(policy.maxAttempts))"
            )
            pause(wait)
        }
    }
}
