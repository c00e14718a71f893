import Foundation

/// The loopback fake of Jobber's and Housecall Pro's job APIs (`Fakes/fake_booking_apis.py`), started
/// by a test on a free port of 127.0.0.1 with its own copy of the fixtures, which the test may change
/// between runs. Every request it saw can be read back.
final class FakeBookingAPIServer {
    static let fakes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fakes")
    /// The tokens the fake expects, under the variables a config names them by.
    static let environment = ["JOBBER_ACCESS_TOKEN": "jobber-secret-8c1d", "HOUSECALL_PRO_API_KEY": "hcp-secret-2f7e"]

    struct Request {
        var system: String
        var page: Int?
        var cursor: String?
        var since: String?
        var pageSize: Int?
        var authorised: Bool
        var status: Int
    }

    let port: Int
    let folder: URL
    private let process: Process
    private let input: Pipe
    private let log: URL

    var baseURL: String { "http://127.0.0.1:\(port)" }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-bookings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fixtures = folder.appendingPathComponent("fixtures")
        try FileManager.default.copyItem(at: Self.fakes.appendingPathComponent("booking-fixtures"), to: fixtures)
        log = folder.appendingPathComponent("requests.jsonl")
        let tokens = ["jobber": Self.environment["JOBBER_ACCESS_TOKEN"]!, "housecall_pro": Self.environment["HOUSECALL_PRO_API_KEY"]!]
        let launched = try PythonFakeServer.launch(
            script: Self.fakes.appendingPathComponent("fake_booking_apis.py"),
            arguments: [
                "--fixtures", fixtures.path, "--log", log.path,
                "--tokens", String(decoding: try JSONSerialization.data(withJSONObject: tokens), as: UTF8.self), "--max-seconds", "120",
            ], name: "booking API")
        process = launched.process
        input = launched.input
        port = launched.port
    }

    func requests(_ system: String) throws -> [Request] {
        guard let data = FileManager.default.contents(atPath: log.path) else { return [] }
        let objects = try String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
        return objects.sorted { ($0["sequence"] as? Int ?? 0) < ($1["sequence"] as? Int ?? 0) }.compactMap { object in
            guard object["system"] as? String == system else { return nil }
            return Request(
                system: system, page: object["page"] as? Int, cursor: object["cursor"] as? String, since: object["since"] as? String,
                pageSize: object["page_size"] as? Int, authorised: object["auth_ok"] as? Bool ?? false, status: object["status"] as? Int ?? 0)
        }
    }

    /// Adds a job to what the fake serves for `system` from now on.
    func add(_ job: [String: Any], to system: String) throws {
        let file = folder.appendingPathComponent("fixtures/\(system).json")
        var jobs = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [Any]
        jobs.append(job)
        try JSONSerialization.data(withJSONObject: jobs).write(to: file)
    }

    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: folder)
    }
}
