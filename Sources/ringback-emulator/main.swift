import ArgumentParser
import Dispatch
import Foundation
import RingbackEmulator

/// Runs the Google emulator on its own, for demos and for running Ringback by hand against it.
struct RingbackEmulatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ringback-emulator",
        abstract: "Serve a local stand-in for Google's token endpoint, Sheets v4 and Calendar v3 for Ringback.")

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).") var port = 8089
    @Option(name: .customLong("latency-ms"), help: "Milliseconds added before every API response.") var latencyMs = 0.0
    @Option(name: .customLong("fault-rate"), help: "Probability (0…1) that an API request fails.") var faultRate = 0.0
    @Option(help: "Comma-separated fault kinds: tooManyRequests,unavailable,droppedConnection,stalledResponse.")
    var faults: String?
    @Option(name: .customLong("stall-seconds"), help: "How long a stalled response hangs before the connection closes.")
    var stallSeconds = 30.0
    @Option(help: "Seed for fault choices and generated ids.") var seed: UInt64 = 1
    @Option(name: .customLong("service-account-file"), help: "Write a service-account key file (mode 0600) here.")
    var serviceAccountFile: String?
    @Option(help: "Create an empty spreadsheet with one Sheet1 tab (repeatable).") var spreadsheet: [String] = []
    @Option(help: "Create an empty calendar (repeatable).") var calendar: [String] = []

    func run() throws {
        var options = EmulatorOptions()
        options.seed = seed
        options.faults.latency = latencyMs / 1000
        options.faults.rate = faultRate
        options.faults.stallSeconds = stallSeconds
        if let faults {
            options.faults.kinds = try faults.split(separator: ",").map { name in
                guard let kind = FaultKind(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                    throw ValidationError("Unknown fault kind '\(name)'. Known: \(FaultKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return kind
            }
        }
        let emulator = GoogleEmulator(options: options)
        let url = try emulator.start(port: port)
        if let path = serviceAccountFile {
            let key = try emulator.createServiceAccount(email: "ringback-demo@ringback-emulator.iam.gserviceaccount.com")
            guard FileManager.default.createFile(atPath: path, contents: Data(key), attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("Cannot write the service-account key file to \(path)")
            }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        }
        for id in spreadsheet { emulator.createSpreadsheet(id: id) }
        for id in calendar { emulator.createCalendar(id: id) }
        FileHandle.standardOutput.write(Data("ringback-emulator listening on \(url.absoluteString)\n".utf8))

        let done = DispatchSemaphore(value: 0)
        var sources: [any DispatchSourceSignal] = []
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { done.signal() }
            source.resume()
            sources.append(source)
        }
        done.wait()
        emulator.stop()
        withExtendedLifetime(sources) {}
    }
}

RingbackEmulatorCommand.main()
