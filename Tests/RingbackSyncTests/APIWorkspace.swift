import Foundation
import RingbackCore
import RingbackHTTP
import RingbackStore

@testable import RingbackSync

/// The sample configuration with its sources replaced by one API source pulled from the loopback fake.
struct APIWorkspace {
    static let fastRetries = RetryPolicy(
        maxAttempts: 3, baseDelay: 0.05, maxDelay: 0.2, maxRetryAfter: 5,
        requestTimeout: 5, attemptTimeout: 10)

    let samples: SampleWorkspace
    let system: FakePhoneSystem
    private(set) var server: FakeCallAPIServer
    let fixtures: URL

    init(_ system: FakePhoneSystem, faults: [String] = []) throws {
        samples = try SampleWorkspace()
        self.system = system
        fixtures = try FakeCallAPIServer.copyFixtures(to: samples.root)
        if system.isTestMapping {
            try FileManager.default.copyItem(
                at: FakeCallAPIServer.fakes.appendingPathComponent("mappings/\(system.mapping).yaml"),
                to: samples.root.appendingPathComponent("mappings/\(system.mapping).yaml"))
        }
        server = try FakeCallAPIServer(fixtures: fixtures, faults: faults)
        try configure()
    }

    var configPath: String { samples.configPath }
    var environment: [String: String] { FakeCallAPIServer.environment }

    /// Points the configuration's only source at the current server.
    private func configure() throws {
        let text = try samples.read(configPath)
        let start = text.range(of: "\nsources:")!.lowerBound
        let end = text.range(of: "\nmappings_dir:")!.lowerBound
        let source = """

            sources:
              - name: \(system.sourceName)
                mapping: \(system.mapping)
                api:
                  overlap_hours: 24
                  start_at: 2026-11-16
                  base_url: \(server.baseURL)

            """
        try samples.write(text.replacingCharacters(in: start..<end, with: source), to: "samples/ringback.yaml")
    }

    /// Stops the server and starts another on the same fixtures, e.g. with other faults.
    mutating func restartServer(faults: [String] = []) throws {
        server.stop()
        server = try FakeCallAPIServer(fixtures: fixtures, faults: faults)
        try configure()
    }

    func engine() throws -> SyncEngine {
        var config = try ConfigLoader.load(path: configPath, environment: environment)
        for index in config.apiSources.indices { config.apiSources[index].retry = Self.fastRetries }
        return try SyncEngine(config: config, store: try SQLiteStateStore(path: config.statePath))
    }

    @discardableResult
    func sync(at now: Date = SampleWorkspace.sampleNow) throws -> SyncPlan {
        try engine().runOnce(at: now)
    }

    func watermark() throws -> Date? {
        guard FileManager.default.fileExists(atPath: samples.statePath) else { return nil }
        return try SQLiteStateStore(path: samples.statePath).watermark(source: system.sourceName)
    }

    func remove() {
        server.stop()
        samples.remove()
    }
}
