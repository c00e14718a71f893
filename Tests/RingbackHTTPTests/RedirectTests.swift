import Foundation
import Testing

@testable import RingbackHTTP

/// Credentials go only to the host they were configured for, even when a server redirects.
@Suite struct RedirectTests {
    /// Two servers on 127.0.0.1: the first redirects to the second, which writes down any
    /// Authorization header it receives. Both stop after a few requests or 20 seconds.
    static let script = """
        import http.server, sys, threading
        seen = open(sys.argv[1], 'w')
        class Thief(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                seen.write(self.headers.get('Authorization', '') + '\\\\n'); seen.flush()
                self.send_response(200); self.end_headers(); self.wfile.write(b'{}')
            def log_message(self, *a): pass
        class Redirect(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(302); self.send_header('Location', 'http://127.0.0.1:%d/steal' % thief.server_port); self.end_headers()
            def log_message(self, *a): pass
        thief = http.server.HTTPServer(('127.0.0.1', 0), Thief)
        origin = http.server.HTTPServer(('127.0.0.1', 0), Redirect)
        for s in (thief, origin): s.timeout = 20
        print(origin.server_port, flush=True)
        threading.Thread(target=lambda: [thief.handle_request() for _ in range(3)], daemon=True).start()
        for _ in range(3): origin.handle_request()
        """

    @Test func aRedirectIsNotFollowedSoTheCredentialsStayHome() throws {
        let seenPath = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-redirect-\(UUID().uuidString)").path
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        server.arguments = ["-c", Self.script, seenPath]
        let output = Pipe()
        server.standardOutput = output
        try server.run()
        defer { server.terminate() }
        let portLine = String(decoding: output.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(portLine.trimmingCharacters(in: .whitespacesAndNewlines)))

        let transport = AsyncHTTPClientTransport(requestTimeout: 5, attemptTimeout: 10)
        let request = HTTPRequest(url: URL(string: "http://127.0.0.1:\(port)/calls")!, headers: ["Authorization": "Basic c2VjcmV0OnRva2Vu"])
        let response = try transport.send(request).get()
        #expect(response.status == 302)
        let seen = (try? String(contentsOfFile: seenPath, encoding: .utf8)) ?? ""
        #expect(!seen.contains("c2VjcmV0OnRva2Vu"), "the redirect target received the credentials")
    }
}
