import Foundation
import Synchronization
import Testing

@testable import RingbackHTTP

/// A server that closes the connection without answering: the attempt fails as a dropped connection, which the
/// client retries, and the retry after it gets its answer (the body is sent again in full).
@Suite struct DroppedConnectionTests {
    /// Drops the first two requests (one connection each), then answers 200 with the body it received.
    static let script = """
        import socket, sys
        server = socket.socket(); server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(('127.0.0.1', 0)); server.listen(8); server.settimeout(20)
        print(server.getsockname()[1], flush=True)
        served = 0
        while served < 3:
            conn, _ = server.accept(); conn.settimeout(10)
            data = b''
            while b'\\r\\n\\r\\n' not in data: data += conn.recv(65536)
            head, _, body = data.partition(b'\\r\\n\\r\\n')
            length = int([l.split(b':')[1] for l in head.split(b'\\r\\n') if l.lower().startswith(b'content-length')][0])
            while len(body) < length: body += conn.recv(65536)
            served += 1
            if served <= 2:
                conn.close(); continue
            conn.sendall(b'HTTP/1.1 200 OK\\r\\nContent-Length: %d\\r\\nConnection: close\\r\\n\\r\\n' % len(body) + body); conn.close()
        """

    @Test func aDroppedConnectionIsReportedAsSuchAndTheRetryGetsTheAnswer() throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        server.arguments = ["-c", Self.script]
        let output = Pipe()
        server.standardOutput = output
        try server.run()
        defer { server.terminate() }
        let portLine = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)))
        let body = Array(String(repeating: "{\"values\":[[\"x\"]]}", count: 2_000).utf8)
        let request = HTTPRequest(
            method: "POST", url: URL(string: "http://127.0.0.1:\(port)/v4/values:batchUpdate")!,
            headers: ["Content-Type": "application/json"], body: body)

        let transport = AsyncHTTPClientTransport(requestTimeout: 10, attemptTimeout: 20)
        guard case .failure(let error) = transport.send(request) else { Issue.record("the dropped request got an answer"); return }
        #expect(error == HTTPTransportError(message: "the connection was dropped", retryable: true))

        let retries = Mutex<[String]>([])
        let client = HTTPClient(
            policy: RetryPolicy(maxAttempts: 3), transport: transport, pause: { _ in }, random: { 0 },
            onRetry: { message in retries.withLock { $0.append(message) } })
        let response = try client.send(request, retryable: { _ in false })
        #expect(response.status == 200)
        #expect(response.body == body)
        #expect(response.attempts == 2)
        #expect(retries.withLock { $0 }.first?.hasPrefix("the connection was dropped from POST") == true)
    }
}
