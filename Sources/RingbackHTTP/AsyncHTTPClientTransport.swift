import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Sends one request with async-http-client on SwiftNIO and waits for the whole response. It replaced
/// URLSession because FoundationNetworking (libcurl) spun a core while it waited after a dropped
/// connection; NIO sees the close as an event and fails the attempt at once. Redirects are never
/// followed (the 3xx comes back as it is), and each attempt has a read timeout and a deadline of its own.
package final class AsyncHTTPClientTransport: HTTPTransport {
    private let client: AsyncHTTPClient.HTTPClient
    private let attemptTimeout: Double

    package init(requestTimeout: Double, attemptTimeout: Double) {
        client = SharedHTTPClients.client(readTimeout: requestTimeout)
        self.attemptTimeout = attemptTimeout
    }

    package func send(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPTransportError> {
        let outgoing: AsyncHTTPClient.HTTPClient.Request
        do {
            var headers = HTTPHeaders()
            for (name, value) in request.headers { headers.add(name: name, value: value) }
            outgoing = try .init(
                url: request.url.absoluteString, method: HTTPMethod(rawValue: request.method), headers: headers,
                body: request.body.map { .bytes($0) })
        } catch {
            return .failure(HTTPTransportError(message: "the request could not be sent (\(error))", retryable: false))
        }
        let deadline = NIODeadline.now() + .nanoseconds(Int64(max(0.001, attemptTimeout) * 1e9))
        do {
            let answer = try client.execute(request: outgoing, deadline: deadline).wait()
            var headers: [String: String] = [:]
            for (name, value) in answer.headers {
                let key = name.lowercased()
                headers[key] = headers[key].map { "\($0), \(value)" } ?? value
            }
            let body = answer.body.map { Array($0.readableBytesView) } ?? []
            return .success(HTTPResponse(status: Int(answer.status.code), headers: headers, body: body))
        } catch {
            return .failure(TransportErrorKind.classify(error))
        }
    }
}

/// One client per read timeout for the life of the process: a client must be shut down before it is
/// released, and a batch run keeps its connections for the whole run anyway. Connections are pooled,
/// so consecutive requests to Google reuse one TLS session.
enum SharedHTTPClients {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var clients: [Int64: AsyncHTTPClient.HTTPClient] = [:]

    static func client(readTimeout: Double) -> AsyncHTTPClient.HTTPClient {
        let nanoseconds = Int64(max(0.001, readTimeout) * 1e9)
        return lock.withLock {
            if let client = clients[nanoseconds] { return client }
            let read = TimeAmount.nanoseconds(nanoseconds)
            let configuration = AsyncHTTPClient.HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: min(read, .seconds(30)), read: read),
                decompression: .disabled)
            let client = AsyncHTTPClient.HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            clients[nanoseconds] = client
            return client
        }
    }
}
