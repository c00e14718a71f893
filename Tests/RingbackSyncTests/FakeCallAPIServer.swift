import Foundation

/// The loopback fake of the phone systems' call APIs (`Fakes/fake_call_apis.py`), started by a test
/// on a free port of 127.0.0.1 and stopped with it. Its fixtures are copied to a folder the test may
/// change between runs; every request it saw can be read back.
final class FakeCallAPIServer {
    static let fakes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fakes")

    /// Credentials the fake expects and the environment variables the mappings read them from.
    static let environment: [String: String] = [
        "TWILIO_ACCOUNT_SID": "ACfake00000000000000000000000000001",
        "TWILIO_AUTH_TOKEN": "twilio-secret-7f3a90",
        "RINGCENTRAL_ACCESS_TOKEN": "rc-secret-91b2c4",
        "CALLRAIL_ACCOUNT_ID": "ACCfake1",
        "CALLRAIL_API_KEY": "callrail-secret-55d0e1",
        "AIRCALL_ACCESS_TOKEN": "aircall-secret-c3e8f2",
        "TOKEN_API_KEY": "tokenapi-secret-1a2b3c",
        "OPENPHONE_API_KEY": "openphone-secret-4d5e6f",
        "OPENPHONE_PHONE_NUMBER_ID": "PNmainline01",
    ]

    /// One request as the fake logged it.
    struct Request {
        var system: String
        var page: Int?
        var since: String?
        var pageSize: Int?
        var authorised: Bool
        /// The HTTP status sent, or `dropped` when the connection was closed without a response.
        var status: String
        var query: [String: String]
    }

    let port: Int
    let fixtures: URL
    private let process: Process
    private let input: Pipe
    private let log: URL

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// `faults` are `SYSTEM:PAGE:KIND[:TIMES]`: KIND an HTTP status or `drop`, TIMES 0 for every time.
    init(fixtures: URL, faults: [String] = []) throws {
        self.fixtures = fixtures
        log = fixtures.appendingPathComponent("requests-\(UUID().uuidString).jsonl")
        let credentials: [String: String] = [
            "twilio_account_sid": Self.environment["TWILIO_ACCOUNT_SID"]!, "twilio_auth_token": Self.environment["TWILIO_AUTH_TOKEN"]!,
            "ringcentral_token": Self.environment["RINGCENTRAL_ACCESS_TOKEN"]!, "callrail_account_id": Self.environment["CALLRAIL_ACCOUNT_ID"]!,
            "callrail_api_key": Self.environment["CALLRAIL_API_KEY"]!, "aircall_token": Self.environment["AIRCALL_ACCESS_TOKEN"]!,
            "token_token": Self.environment["TOKEN_API_KEY"]!, "openphone_key": Self.environment["OPENPHONE_API_KEY"]!,
        ]
        let credentialsJSON = String(decoding: try JSONSerialization.data(withJSONObject: credentials), as: UTF8.self)
        let launched = try PythonFakeServer.launch(
            script: Self.fakes.appendingPathComponent("fake_call_apis.py"),
            arguments: [
                "--fixtures", fixtures.path, "--log", log.path, "--credentials", credentialsJSON, "--max-seconds", "120",
                "--max-requests", "300",
            ] + faults.flatMap { ["--fault", $0] }, name: "call API")
        process = launched.process
        input = launched.input
        port = launched.port
    }

    /// Copies the bundled fixtures into `folder` for a server to serve.
    static func copyFixtures(to folder: URL) throws -> URL {
        let target = folder.appendingPathComponent("api-fixtures")
        try FileManager.default.copyItem(at: fakes.appendingPathComponent("fixtures"), to: target)
        return target
    }

    func requests(_ system: String? = nil) throws -> [Request] {
        guard let data = FileManager.default.contents(atPath: log.path) else { return [] }
        let objects = try String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
        // In the order the requests arrived, not the order their log lines were written.
        return objects.sorted { ($0["sequence"] as? Int ?? 0) < ($1["sequence"] as? Int ?? 0) }.compactMap { object in
            let request = Request(
                system: object["system"] as? String ?? "", page: object["page"] as? Int, since: object["since"] as? String,
                pageSize: object["page_size"] as? Int, authorised: object["auth_ok"] as? Bool ?? false,
                status: "\(object["status"] ?? "")", query: object["query"] as? [String: String] ?? [:])
            return system.map { request.system == $0 } ?? true ? request : nil
        }
    }

    /// Adds a record to the fixture `system` serves from now on.
    func add(_ record: [String: Any], to system: String) throws {
        let file = fixtures.appendingPathComponent("\(system).json")
        var records = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [Any]
        records.append(record)
        try JSONSerialization.data(withJSONObject: records).write(to: file)
    }

    func stop() {
        guard process.isRunning else { return }
        try? input.fileHandleForWriting.close()
        process.terminate()
        process.waitUntilExit()
    }

    deinit {
        stop()
    }
}

struct FakeServerError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
