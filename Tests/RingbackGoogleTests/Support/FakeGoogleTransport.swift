import Foundation
import RingbackHTTP
import RingbackJSON
import Synchronization

@testable import RingbackGoogle

/// Google in memory: token requests (paths ending in `/token`) get fresh tokens unless scripted otherwise,
/// every other request takes the next scripted answer (200 `{}` when the script runs out). Records all requests.
final class FakeGoogleTransport: HTTPTransport {
    typealias Answer = Result<HTTPResponse, HTTPTransportError>

    let apiScript: Mutex<[Answer]>
    let tokenScript: Mutex<[Answer]>
    let requests = Mutex<[HTTPRequest]>([])
    let tokensIssued = Mutex(0)
    let waits = Mutex<[Double]>([])

    init(_ api: [Answer] = [], tokens: [Answer] = []) {
        apiScript = Mutex(api)
        tokenScript = Mutex(tokens)
    }

    func send(_ request: HTTPRequest) -> Answer {
        requests.withLock { $0.append(request) }
        if request.url.path.hasSuffix("/token") {
            if let scripted = tokenScript.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) { return scripted }
            let number = tokensIssued.withLock {
                $0 += 1; return $0
            }
            return Self.json(200, ["access_token": .string("ya29.access-\(number)"), "expires_in": 3600, "token_type": "Bearer"])
        }
        return apiScript.withLock { $0.isEmpty ? Self.json(200, [:]) : $0.removeFirst() }
    }

    var apiRequests: [HTTPRequest] { requests.withLock { $0.filter { !$0.url.path.hasSuffix("/token") } } }
    var tokenRequests: [HTTPRequest] { requests.withLock { $0.filter { $0.url.path.hasSuffix("/token") } } }

    func http(maxAttempts: Int = 4) -> HTTPClient {
        HTTPClient(
            policy: RetryPolicy(maxAttempts: maxAttempts, baseDelay: 1, maxDelay: 30), transport: self,
            pause: { seconds in self.waits.withLock { $0.append(seconds) } }, random: { 1 })
    }

    func session(maxAttempts: Int = 4, now: @escaping @Sendable () -> Date = Date.init) -> GoogleSession {
        let http = http(maxAttempts: maxAttempts)
        return GoogleSession(
            tokens: ServiceAccountTokenSource(
                key: TestKey.serviceAccount, scopes: [GoogleScopes.sheets],
                tokenURL: URL(string: "http://google.test/token")!, http: http, now: now),
            http: http)
    }

    static func json(_ status: Int, _ body: JSONValue, headers: [String: String] = [:]) -> Answer {
        .success(
            HTTPResponse(
                status: status, headers: headers.merging(["Content-Type": "application/json; charset=UTF-8"]) { a, _ in a },
                body: body.bytes()))
    }

    static func raw(_ status: Int, _ body: String, headers: [String: String] = [:]) -> Answer {
        .success(HTTPResponse(status: status, headers: headers, body: Array(body.utf8)))
    }

    static let dropped: Answer = .failure(HTTPTransportError(message: "the connection was dropped", retryable: true))
}

extension HTTPRequest {
    var bodyJSON: JSONValue? { body.flatMap { try? JSONValue.parse($0) } }
    var bodyText: String { body.map { String(decoding: $0, as: UTF8.self) } ?? "" }
}
