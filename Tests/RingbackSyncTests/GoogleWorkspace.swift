import Foundation
import RingbackCore
import RingbackEmulator
import RingbackJSON
import RingbackStore

@testable import RingbackSync

/// The bundled samples synced to a Google Sheet and two calendars on an in-process emulator:
/// the real REST clients, the real config loader, a service-account key the emulator issued.
final class GoogleWorkspace {
    static let spreadsheetID = "ringback-demo"
    static let officeCalendar = "office@ringback.example"
    static let onCallCalendar = "oncall@ringback.example"
    static let account = "ringback-test@ringback-emulator.iam.gserviceaccount.com"

    let samples: SampleWorkspace
    let emulator: GoogleEmulator
    let base: URL

    init(shareWithRingback: Bool = true, shareOnCall: Bool = true, extraTabs: [String] = [], options: EmulatorOptions = EmulatorOptions()) throws {
        samples = try SampleWorkspace()
        emulator = GoogleEmulator(options: options)
        base = try emulator.start()
        let key = try emulator.createServiceAccount(email: Self.account)
        let keyPath = samples.path("out/google-demo/service-account.json")
        try FileManager.default.createDirectory(atPath: samples.path("out/google-demo"), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: keyPath, contents: Data(key), attributes: [.posixPermissions: 0o600])
        emulator.createSpreadsheet(
            id: Self.spreadsheetID, sheets: ["Sheet1"] + extraTabs,
            sharedWith: shareWithRingback ? [Self.account] : ["office@ringback.example"])
        emulator.createCalendar(id: Self.officeCalendar, sharedWith: [Self.account])
        emulator.createCalendar(id: Self.onCallCalendar, sharedWith: shareOnCall ? [Self.account] : ["oncall@ringback.example"])
        try setConfig { $0 }
    }

    deinit {
        emulator.stop()
        samples.remove()
    }

    var configPath: String { samples.path("samples/ringback-google.yaml") }

    /// Rewrites the Google sample config (the emulator's address is put in first).
    func setConfig(_ change: (String) -> String) throws {
        let original = try samples.read(SampleWorkspace.repository.appendingPathComponent("samples/ringback-google.yaml").path)
        var text = original.replacingOccurrences(of: "http://127.0.0.1:8089", with: base.absoluteString)
        text = text.replacingOccurrences(of: "google:\n", with: "google:\n  timeout_seconds: 2\n  max_attempts: 6\n")
        try samples.write(change(text), to: "samples/ringback-google.yaml")
    }

    /// Adds a file source to the Google sample configuration.
    func addSource(name: String, mapping: String, files: String) throws {
        try setConfig { SampleWorkspace.adding(source: name, mapping: mapping, files: files, to: $0) }
    }

    func engine() throws -> SyncEngine {
        let config = try ConfigLoader.load(path: configPath)
        return try SyncEngine(config: config, store: try SQLiteStateStore(path: config.statePath))
    }

    @discardableResult
    func sync(at now: Date = SampleWorkspace.sampleNow) throws -> SyncPlan {
        try engine().runOnce(at: now)
    }

    /// Syncs until a run succeeds (faults make some fail); returns the number of runs.
    func syncUntilSuccess(at now: Date = SampleWorkspace.sampleNow, limit: Int = 30) throws -> Int {
        for attempt in 1...limit {
            do {
                try sync(at: now)
                return attempt
            } catch {
                continue
            }
        }
        throw SyncError.io("emulator", "no successful run in \(limit) attempts")
    }

    /// The Missed Calls tab as the office sees it, as rows keyed by column.
    func sheet() -> [[String: String]] {
        guard let grid = emulator.formattedValues(spreadsheetID: Self.spreadsheetID, sheet: SheetColumn.tabName),
            let header = grid.first
        else { return [] }
        return grid.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0 < row.count ? row[$0] : "") })
        }
    }

    func row(_ leadID: String) -> [String: String]? { sheet().first { $0["Lead ID"] == leadID } }

    /// 1-based sheet row of a lead, 0-based column of a header name.
    func position(_ leadID: String, _ column: String) -> (row: Int, column: Int)? {
        guard let grid = emulator.formattedValues(spreadsheetID: Self.spreadsheetID, sheet: SheetColumn.tabName),
            let header = grid.first, let key = header.firstIndex(of: "Lead ID"), let target = header.firstIndex(of: column),
            let index = grid.firstIndex(where: { $0.count > key && $0[key] == leadID })
        else { return nil }
        return (index, target)
    }

    /// Types into a lead's cell in the browser (parsed as Sheets parses typing).
    func type(_ text: String, lead leadID: String, column: String) throws {
        let place = try require(position(leadID, column))
        emulator.type(text, spreadsheetID: Self.spreadsheetID, sheet: SheetColumn.tabName, row: place.row, column: place.column)
    }

    /// Live (not cancelled) events of both calendars, keyed by calendar.
    func events(includingCancelled: Bool = false) -> [String: [JSONValue]] {
        var all: [String: [JSONValue]] = [:]
        for calendar in [Self.officeCalendar, Self.onCallCalendar] {
            all[calendar] = emulator.events(calendarID: calendar).filter { includingCancelled || $0["status"]?.string != "cancelled" }
        }
        return all
    }

    func requestCounts() -> [String: Int] { emulator.requestCounts() }
}

/// `#require` outside a test body.
private func require<T>(_ value: T?, file: StaticString = #filePath, line: UInt = #line) throws -> T {
    guard let value else { throw SyncError.io("\(file):\(line)", "expected a value") }
    return value
}
