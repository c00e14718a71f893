import Foundation
import RingbackHTTP

/// A real Radicale CalDAV server for one test: its own folder (storage, config, plain htpasswd), a free
/// loopback port, started and stopped by the test.
final class RadicaleServer: @unchecked Sendable {
    static let executable: String? = ["/usr/bin/radicale", "/usr/local/bin/radicale"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let required = ProcessInfo.processInfo.environment["RINGBACK_REQUIRE_RADICALE"] == "1"

    let folder: URL
    let port: Int
    let username = "office"
    let password = "correct horse battery"
    private let process = Process()

    var base: URL { URL(string: "http://127.0.0.1:\(port)/")! }
    var calendarURL: URL { URL(string: "http://127.0.0.1:\(port)/\(username)/callbacks/")! }

    init() throws {
        guard let executable = Self.executable else { throw Unavailable() }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-radicale-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        port = try Self.freePort()
        try "\(username):\(password)\n".write(to: folder.appendingPathComponent("users"), atomically: true, encoding: .utf8)
        let config = """
            [server]
            hosts = 127.0.0.1:\(port)
            [auth]
            type = htpasswd
            htpasswd_filename = \(folder.path)/users
            htpasswd_encryption = plain
            delay = 0
            [storage]
            filesystem_folder = \(folder.path)/collections
            [logging]
            level = warning
            """
        try config.write(to: folder.appendingPathComponent("config"), atomically: true, encoding: .utf8)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--config", folder.appendingPathComponent("config").path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: touch(folder.appendingPathComponent("log")))
        try process.run()
        try waitUntilListening()
        try makeCalendar()
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            // Radicale waits for open keep-alive connections on SIGTERM; a test server need not.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    struct Unavailable: Error {}

    /// A plain client for the test's own requests (as the crew's calendar app would make them).
    func request(_ method: String, _ url: URL, headers: [String: String] = [:], body: String? = nil) throws -> HTTPResponse {
        var all = headers
        all["Authorization"] = "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        let client = HTTPClient(policy: RetryPolicy(maxAttempts: 1, requestTimeout: 10, attemptTimeout: 20))
        return try client.send(
            HTTPRequest(method: method, url: url, headers: all, body: body.map { Array($0.utf8) }), retryable: { _ in false })
    }

    private func makeCalendar() throws {
        let body = """
            <?xml version="1.0" encoding="utf-8"?>
            <c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>
            <d:displayname>Callbacks</d:displayname></d:prop></d:set></c:mkcalendar>
            """
        let answer = try request("MKCALENDAR", calendarURL, headers: ["Content-Type": "application/xml"], body: body)
        guard answer.status == 201 else { throw Failed(message: "MKCALENDAR answered \(answer.status)") }
    }

    struct Failed: Error { var message: String }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            if let answer = try? request("OPTIONS", base), answer.status < 500 { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw Failed(message: "radicale did not start: \((try? String(contentsOf: folder.appendingPathComponent("log"), encoding: .utf8)) ?? "")")
    }

    private func touch(_ url: URL) throws -> URL {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }

    /// A port the kernel just handed out on loopback, closed again for Radicale to take.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw Failed(message: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
