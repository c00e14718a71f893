import Foundation
import Synchronization
import Testing

@testable import RingbackHTTP

/// The retry rules with a scripted transport: which answers are retried, how long the client waits,
/// and what it reports when it gives up.
@Suite struct HTTPClientTests {
    /// Answers requests from a script, one entry per attempt, and remembers the client's waits.
    final class ScriptedTransport: HTTPTransport {
        let script: Mutex<[Result<HTTPResponse, HTTPTransportError>]>
        let sent = Mutex(0)
        let waits = Mutex<[Double]>([])

        init(_ script: [Result<HTTPResponse, HTTPTransportError>]) {
            self.script = Mutex(script)
        }

        func send(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPTransportError> {
            sent.withLock { $0 += 1 }
            return script.withLock { $0.isEmpty ? .success(HTTPResponse(status: 200)) : $0.removeFirst() }
        }

        func client(_ policy: RetryPolicy = RetryPolicy(maxAttempts: 4, baseDelay: 1, maxDelay: 30)) -> HTTPClient {
            HTTPClient(policy: policy, transport: self, pause: { seconds in self.waits.withLock { $0.append(seconds) } }, random: { 1 })
        }
    }

    static let request = HTTPRequest(
        url: URL(string: "http://127.0.0.1:9/calls?page=2")!,
        headers: ["Authorization": "Bearer secret-value"], displayURL: "http://127.0.0.1:9/calls?page=2")

    static func status(_ code: Int, _ headers: [String: String] = [:]) -> Result<HTTPResponse, HTTPTransportError> {
        .success(HTTPResponse(status: code, headers: headers))
    }

    @Test func serverFailuresAreRetriedWithExponentialBackoff() throws {
        let transport = ScriptedTransport([Self.status(500), Self.status(502), Self.status(503), Self.status(200)])
        let response = try transport.client().get(Self.request)
        #expect(response.status == 200)
        #expect(transport.sent.withLock { $0 } == 4)
        #expect(transport.waits.withLock { $0 } == [1, 2, 4])
    }

    @Test func retryAfterIsHonoured() throws {
        let transport = ScriptedTransport([Self.status(429, ["Retry-After": "7"]), Self.status(200)])
        _ = try transport.client().get(Self.request)
        #expect(transport.waits.withLock { $0 } == [7])
    }

    @Test func aRetryAfterLongerThanARunWaitsGivesUp() {
        let transport = ScriptedTransport([Self.status(429, ["Retry-After": "3600"])])
        #expect(throws: HTTPFailure(kind: .retryAfterTooLong(status: 429, seconds: 3600), displayURL: Self.request.displayURL, attempts: 1)) {
            try transport.client().get(Self.request)
        }
    }

    @Test func droppedConnectionsAreRetried() throws {
        let dropped = HTTPTransportError(message: "the connection was dropped", retryable: true)
        let transport = ScriptedTransport([.failure(dropped), Self.status(200)])
        #expect(try transport.client().get(Self.request).status == 200)
        #expect(transport.sent.withLock { $0 } == 2)
    }

    @Test func whenAttemptsRunOutTheFailureSaysStatusURLAndAttempts() {
        let transport = ScriptedTransport(Array(repeating: Self.status(503), count: 5))
        do {
            _ = try transport.client(RetryPolicy(maxAttempts: 3, baseDelay: 0.5)).get(Self.request)
            Issue.record("expected a failure")
        } catch {
            #expect(error.status == 503 && error.attempts == 3)
            #expect(error.description == "HTTP 503 after 3 attempts: GET http://127.0.0.1:9/calls?page=2")
            #expect(!error.description.contains("secret-value"))
        }
        #expect(transport.waits.withLock { $0 } == [0.5, 1])
    }

    @Test func clientErrorsAreNotRetried() {
        let transport = ScriptedTransport([Self.status(401), Self.status(200)])
        #expect(throws: HTTPFailure.self) { try transport.client().get(Self.request) }
        #expect(transport.sent.withLock { $0 } == 1)
    }

    @Test func aTransportProblemThatCannotBeFixedIsNotRetried() {
        let transport = ScriptedTransport([.failure(HTTPTransportError(message: "the TLS connection failed", retryable: false))])
        #expect(throws: HTTPFailure(kind: .transport("the TLS connection failed"), displayURL: Self.request.displayURL, attempts: 1)) {
            try transport.client().get(Self.request)
        }
    }
}
