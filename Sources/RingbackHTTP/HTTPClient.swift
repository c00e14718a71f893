import Foundation

/// GETs a URL and retries what is worth retrying (429, most 5xx, dropped connections and timeouts),
/// waiting as the `RetryPolicy` or the server's `Retry-After` says. Anything else fails at once.
public struct HTTPClient: Sendable {
    public let policy: RetryPolicy
    let transport: any HTTPTransport
    let pause: @Sendable (Double) -> Void
    let random: @Sendable () -> Double
    /// Told about each retry, for progress and logs; the message carries no secrets.
    public var onRetry: (@Sendable (String) -> Void)?

    public init(policy: RetryPolicy = .standard, onRetry: (@Sendable (String) -> Void)? = nil) {
        self.init(policy: policy, transport: URLSessionTransport(requestTimeout: policy.requestTimeout, attemptTimeout: policy.attemptTimeout),
                  pause: { Thread.sleep(forTimeInterval: $0) }, random: { Double.random(in: 0..<1) }, onRetry: onRetry)
    }

    public init(policy: RetryPolicy, transport: any HTTPTransport, pause: @escaping @Sendable (Double) -> Void,
                random: @escaping @Sendable () -> Double, onRetry: (@Sendable (String) -> Void)? = nil) {
        self.policy = policy
        self.transport = transport
        self.pause = pause
        self.random = random
        self.onRetry = onRetry
    }

    public func get(_ request: HTTPRequest) throws(HTTPFailure) -> HTTPResponse {
        var attempt = 0
        while true {
            attempt += 1
            let wait: Double
            let problem: String
            switch transport.send(request) {
            case .success(let response):
                if (200..<300).contains(response.status) { return response }
                guard policy.isRetryable(status: response.status), attempt < policy.maxAttempts else {
                    throw HTTPFailure(kind: .status(response.status), displayURL: request.displayURL, attempts: attempt)
                }
                if let asked = RetryAfterHeader.seconds(response.header("Retry-After")) {
                    guard asked <= policy.maxRetryAfter else {
                        throw HTTPFailure(kind: .retryAfterTooLong(status: response.status, seconds: asked),
                                          displayURL: request.displayURL, attempts: attempt)
                    }
                    wait = asked
                } else {
                    wait = policy.backoff(afterAttempt: attempt, unit: random())
                }
                problem = "HTTP \(response.status)"
            case .failure(let error):
                guard error.retryable, attempt < policy.maxAttempts else {
                    throw HTTPFailure(kind: .transport(error.message), displayURL: request.displayURL, attempts: attempt)
                }
                wait = policy.backoff(afterAttempt: attempt, unit: random())
                problem = error.message
            }
            onRetry?("\(problem) from \(request.displayURL); retrying in \(String(format: "%.1f", wait)) s (attempt \(attempt + 1) of \(policy.maxAttempts))")
            pause(wait)
        }
    }
}
