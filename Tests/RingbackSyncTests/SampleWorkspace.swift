import Foundation
import RingbackCore
import RingbackStore

@testable import RingbackSync

/// A private copy of the bundled samples and mappings in a temporary folder, so each test syncs
/// real files into its own out/ folder.
struct SampleWorkspace {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Friday 2026-11-20, 17:00 in Austin: the evening after the sample exports.
    static let sampleNow = ISO8601DateFormatter().date(from: "2026-11-20T23:00:00Z")!

    let root: URL

    init() throws {
        root = Self.freshRoot()
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["samples", "mappings"] {
            try FileManager.default.copyItem(at: Self.repository.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    private init(root: URL) {
        self.root = root
    }

    private static func freshRoot() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("ringback-test-\(UUID().uuidString)")
    }

    /// The whole folder copied to a new place (new times on every file, as a restore to another server
    /// gives) and the original removed.
    func restoredElsewhere() throws -> SampleWorkspace {
        let moved = SampleWorkspace(root: Self.freshRoot())
        try FileManager.default.copyItem(at: root, to: moved.root)
        let later = Date().addingTimeInterval(3600)
        if let files = FileManager.default.enumerator(atPath: moved.root.path) {
            for case let file as String in files {
                try? FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: moved.path(file))
            }
        }
        remove()
        return moved
    }

    var configPath: String { root.appendingPathComponent("samples/ringback.yaml").path }
    var sheetPath: String { root.appendingPathComponent("out/missed-calls.csv").path }
    var calendarPath: String { root.appendingPathComponent("out/callbacks.ics").path }
    var statePath: String { root.appendingPathComponent("out/ringback-state.sqlite").path }
    var rejectsPath: String { root.appendingPathComponent("out/rejects.csv").path }
    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    func engine() throws -> SyncEngine {
        let config = try ConfigLoader.load(path: configPath)
        return try SyncEngine(config: config, store: try SQLiteStateStore(path: config.statePath))
    }

    /// Plans and applies one run, like `ringback sync`.
    @discardableResult
    func sync(at now: Date = sampleNow) throws -> SyncPlan {
        try engine().runOnce(at: now)
    }

    func dryRun(at now: Date = sampleNow) throws -> SyncPlan {
        try engine().prepare(now: now).plan
    }

    func write(_ text: String, to relative: String) throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    /// The sheet as the office sees it: header and rows, cells unprotected.
    func sheet() throws -> [[String: String]] {
        let document = try RingbackOfflineAccess.document(at: sheetPath)
        return document.rows.map { row in
            Dictionary(uniqueKeysWithValues: document.header.enumerated().map { ($1, $0 < row.count ? row[$0] : "") })
        }
    }

    func row(_ leadID: String) throws -> [String: String]? {
        try sheet().first { $0["Lead ID"] == leadID }
    }

    func row(phone: String) throws -> [String: String]? {
        try sheet().first { $0["Phone"] == phone }
    }

    /// Edits the CSV as the office would in a spreadsheet program: change cells, keep the rest.
    func editSheet(_ change: (inout [String], inout [[String]]) -> Void) throws {
        var document = try RingbackOfflineAccess.document(at: sheetPath)
        var header = document.header
        var rows = document.rows
        change(&header, &rows)
        document.grid = SheetGrid(header: header, rows: rows)
        try RingbackOfflineAccess.save(document, to: sheetPath)
    }

    /// Types a value into one cell of a lead's row, as the office would.
    func setCell(_ leadID: String, _ column: String, to value: String) throws {
        try editSheet { header, rows in
            let key = header.firstIndex(of: "Lead ID")!, target = header.firstIndex(of: column)!
            let index = rows.firstIndex { $0[key] == leadID }!
            rows[index][target] = value
        }
    }

    /// Adds a file source to the sample configuration.
    func addSource(name: String, mapping: String, files: String) throws {
        try write(Self.adding(source: name, mapping: mapping, files: files, to: try read(configPath)), to: "samples/ringback.yaml")
    }

    /// A sample config's text with one more file source at the end of `sources:`.
    static func adding(source name: String, mapping: String, files: String, to config: String) -> String {
        config.replacingOccurrences(
            of: "mappings_dir:",
            with: """
                  - name: \(name)
                    mapping: \(mapping)
                    files: \(files)

                mappings_dir:
                """)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
