import Foundation
import RingbackCore
import RingbackStore
import RingbackTesting

@testable import RingbackSync

/// The bundled samples in a temporary folder, syncing to a CSV sheet and a CalDAV calendar on a
/// Radicale the test started; runs the built `ringback` as cron would.
struct CalDAVWorkspace {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sampleNow = "2026-11-20T23:00:00Z"

    let root: URL
    let server: RadicaleServer

    /// `target` is the caldav_calendar section's lines after `type:` (defaults to the server's calendar URL).
    init(server: RadicaleServer, target: [String]? = nil, passwordFile: String? = nil) throws {
        self.server = server
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-caldav-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["samples", "mappings"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let password = root.appendingPathComponent("caldav-password")
        try (passwordFile ?? server.password).write(to: password, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: password.path)
        let lines = target ?? ["url: \(server.calendarURL.absoluteString)", "username: \(server.username)", "password_file: ../caldav-password"]
        try setTargets(lines)
    }

    var configPath: String { root.appendingPathComponent("samples/ringback.yaml").path }
    var statePath: String { root.appendingPathComponent("out/ringback-state.sqlite").path }
    var passwordPath: String { root.appendingPathComponent("caldav-password").path }

    func setTargets(_ caldav: [String]) throws {
        var text = try String(contentsOfFile: configPath, encoding: .utf8)
        let start = text.range(of: "\ntargets:\n")!
        let end = text.range(of: "\nstate:", range: start.upperBound..<text.endIndex)!
        let section = (["  - type: csv_sheet", "    path: ../out/missed-calls.csv", "  - type: caldav_calendar"] + caldav.map { "    " + $0 })
            .joined(separator: "\n")
        text.replaceSubrange(start.upperBound..<end.lowerBound, with: section + "\n")
        try text.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, environment: environment)
    }

    func sync(now: String = sampleNow) throws -> CommandRunner.Result {
        try run(["sync", "--config", configPath, "--now", now])
    }

    /// The engine in this process, for tests that act between planning and applying.
    func engine() throws -> SyncEngine {
        let config = try ConfigLoader.load(path: configPath)
        return try SyncEngine(config: config, store: try SQLiteStateStore(path: config.statePath))
    }

    func store() throws -> SQLiteStateStore { try SQLiteStateStore(path: statePath) }

    func remove() { try? FileManager.default.removeItem(at: root) }
}
