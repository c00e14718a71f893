import Foundation
import RingbackCore
import RingbackStore
import Testing

/// Re-executes this test binary as a child that commits large batches in a loop, SIGKILLs it at a
/// random moment, and checks that every batch in the reopened file is either entirely present or absent.
struct CrashSafetyTests {
    static let childDatabaseVariable = "RINGBACK_STORE_CRASH_CHILD_DB"
    static let callsPerCommit = 20_000
    static let anchorsPerCommit = 500
    static let marker = "crash-child committed "

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/exe")))
    func commitsAreAllOrNothingWhenTheProcessIsKilled() throws {
        if let path = ProcessInfo.processInfo.environment[Self.childDatabaseVariable] {
            try Self.commitForever(path: path)
            return
        }
        let directory = try StateFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state.sqlite").path

        var completed = 0
        for _ in 0..<3 {
            try Self.runChildAndKill(path: path)
            let verified = try Self.verifyWholeCommits(path: path)
            #expect(verified > completed)
            completed = verified
        }
    }

    private static func runChildAndKill(path: String) throws {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        child.arguments = ["--testing-library", "swift-testing", "--filter", "commitsAreAllOrNothingWhenTheProcessIsKilled"]
        var environment = ProcessInfo.processInfo.environment
        environment[childDatabaseVariable] = path
        child.environment = environment
        let output = Pipe()
        child.standardOutput = output
        child.standardError = FileHandle.nullDevice
        try child.run()

        let clock = ContinuousClock()
        var reports: [ContinuousClock.Instant] = []
        var pending = ""
        while reports.count < 3 {
            let data = output.fileHandleForReading.availableData
            guard !data.isEmpty else { break }
            pending += String(decoding: data, as: UTF8.self)
            while let newline = pending.firstIndex(of: "\n") {
                if pending[..<newline].contains(marker) { reports.append(clock.now) }
                pending.removeSubrange(...newline)
            }
        }
        try #require(reports.count == 3, "child stopped before committing; exit status \(child.terminationStatus)")
        let interval = reports[2] - reports[1]
        let seconds = Double(interval.components.seconds) + Double(interval.components.attoseconds) / 1e18
        Thread.sleep(forTimeInterval: seconds * Double.random(in: 0.05...0.95))
        kill(child.processIdentifier, SIGKILL)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal)
    }

    /// Returns how many commits the file holds, after checking each one is whole.
    private static func verifyWholeCommits(path: String) throws -> Int {
        let store = try SQLiteStateStore(path: path)
        let lastRun = try #require(try store.lastRun())
        let count = try #require(Int(lastRun.summary.dropFirst("commit ".count))) + 1

        var callsPerBatch: [Int: Int] = [:]
        for call in try store.calls(since: nil) {
            let batch = Int(call.key.split(separator: "-")[1])!
            callsPerBatch[batch, default: 0] += 1
        }
        #expect(callsPerBatch == Dictionary(uniqueKeysWithValues: (0..<count).map { ($0, callsPerCommit) }))
        #expect(try store.leadAnchors().count == count * anchorsPerCommit)
        let sheet = try store.targetState("sheet")
        #expect(sheet.rows.count == count + 1)
        #expect(sheet.rows["shared"]?.cells[.notes] == String(count - 1))
        #expect(try store.watermark(source: "crash") == Date(timeIntervalSinceReferenceDate: Double(count - 1)))
        #expect(try store.processedFile(source: "crash", path: "batch-\(count - 1).csv") != nil)
        #expect(try store.processedFile(source: "crash", path: "batch-\(count).csv") == nil)
        return count
    }

    private static func commitForever(path: String) throws {
        let store = try SQLiteStateStore(path: path)
        var batch = try store.lastRun().flatMap { Int($0.summary.dropFirst("commit ".count)) }.map { $0 + 1 } ?? 0
        while batch < 100_000 {
            try store.commit(makeCommit(batch))
            FileHandle.standardOutput.write(Data((marker + String(batch) + "\n").utf8))
            batch += 1
        }
    }

    private static func makeCommit(_ batch: Int) -> StateCommit {
        let calls = (0..<callsPerCommit).map { index in
            StateFixtures.call("crash-\(batch)-\(index)", minutesAfterBase: Double(batch * callsPerCommit + index))
        }
        var anchors: [String: String] = [:]
        for index in 0..<anchorsPerCommit {
            anchors["crash-\(batch)-\(index)"] = "RB-\(batch)-\(index)"
        }
        let rows = [
            StateFixtures.row("RB-\(batch)"),
            SyncedRow(leadID: "shared", cells: SheetCells([.notes: String(batch)])),
        ]
        return StateCommit(
            processedFiles: [
                ProcessedFile(
                    source: "crash", path: "batch-\(batch).csv", size: Int64(batch), modifiedAt: StateFixtures.base)
            ],
            newCalls: calls, leadAnchors: anchors,
            targetChanges: ["sheet": TargetStateChange(upsertRows: rows)],
            watermarks: ["crash": Date(timeIntervalSinceReferenceDate: Double(batch))],
            run: StateFixtures.run("commit \(batch)"))
    }
}
