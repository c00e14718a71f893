import Foundation
import Synchronization
import Testing

@testable import RingbackHTTP

/// `send` retries like `get` but hands back the last answer, so an API client can read its error body.
@Suite struct HTTPClientSendTests {
    typealias Scripted = HTTPClientTests.ScriptedTransport

    static let post = HTTPRequest(
        method: "POST", url: URL(string: "http://127.0.0.1:9/v4/things:batchUpdate")!,
        headers: ["Authorization": "Bearer secret-value"], body: Array("{}".utf8))

    static func answer(_ code: Int, _ headers: [String: String] = [:], body: String = "") -> Result<HTTPResponse, HTTPTransportError> {
        .success(HTTPResponse(status: code, headers: headers, body: Array(body.utf8)))
    }

    @Test func theLastErrorAnswerIsReturnedWithItsBodyAfterTheRetries() throws {
        let transport = Scripted([Self.answer(503), Self.answer(503), Self.answer(503, body: #"{"error":{}}"#)])
        let response = try transport.client(RetryPolicy(maxAttempts: 3)).send(Self.post) { $0.status == 503 }
        #expect(response.status == 503 && response.attempts == 3)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":{}}"#)
        #expect(transport.waits.withLock { $0 } == [1, 2])
    }

    @Test func theClosureDecidesWhatIsRetried() throws {
        let transport = Scripted([Self.answer(403, body: "rateLimitExceeded"), Self.answer(403, body: "forbidden"), Self.answer(200)])
        let response = try transport.client().send(Self.post) { String(decoding: $0.body, as: UTF8.self) == "rateLimitExceeded" }
        #expect(response.status == 403 && response.attempts == 2)
        #expect(String(decoding: response.body, as: UTF8.self) == "forbidden")
    }

    @Test func successAfterA429WithoutRetryAfterAndADroppedConnection() throws {
        let dropped = HTTPTransportError(message: "the connection was dropped", retryable: true)
        let transport = Scripted([Self.answer(429), .failure(dropped), Self.answer(200, body: "ok")])
        let response = try transport.client().send(Self.post) { $0.status == 429 }
        #expect(response.status == 200 && response.attempts == 3)
        #expect(transport.waits.withLock { $0 } == [1, 2])
    }

    @Test func retryAfterIsHonouredAndATooLongOneEndsTheRetriesWithThatAnswer() throws {
        let honoured = Scripted([Self.answer(429, ["Retry-After": "9"]), Self.answer(200)])
        _ = try honoured.client().send(Self.post) { $0.status == 429 }
        #expect(honoured.waits.withLock { $0 } == [9])

        let tooLong = Scripted([Self.answer(429, ["Retry-After": "3600"]), Self.answer(200)])
        let response = try tooLong.client().send(Self.post) { $0.status == 429 }
        #expect(response.status == 429)
        #expect(tooLong.sent.withLock { $0 } == 1)
    }

    @Test func onlyATransportFailureThrowsAndItNamesTheMethod() {
        let refused = HTTPTransportError(message: "the connection was refused", retryable: true)
        let transport = Scripted(Array(repeating: .failure(refused), count: 4))
        do {
            _ = try transport.client(RetryPolicy(maxAttempts: 2)).send(Self.post) { _ in true }
            Issue.record("expected a failure")
        } catch {
            #expect(error.kind == .transport("the connection was refused") && error.attempts == 2)
            #expect(error.description == "no response after 2 attempts: the connection was refused: POST http://127.0.0.1:9/v4/things:batchUpdate")
        }
    }

    @Test func methodAndBodyReachTheTransport() throws {
        final class Recorder: HTTPTransport {
            let seen = Mutex<[HTTPRequest]>([])
            func send(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPTransportError> {
                seen.withLock { $0.append(request) }
                return .success(HTTPResponse(status: 204))
            }
        }
        let recorder = Recorder()
        let client = HTTPClient(policy: .standard, transport: recorder, pause: { _ in }, random: { 0 })
        _ = try client.send(Self.post) { _ in false }
        let sent = try #require(recorder.seen.withLock { $0.first })
        #expect(sent.method == "POST" && sent.body == Array("{}".utf8))
        #expect(HTTPRequest(url: URL(string: "http://127.0.0.1:9/")!).method == "GET")
        #expect(sent.description == "POST http://127.0.0.1:9/v4/things:batchUpdate")
    }
}
