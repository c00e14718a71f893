import Foundation
import RingbackStore
import Testing

/// The `ringback` executable as cron and the person setting it up use it: exit codes, plan output, lock, logs.
@Suite struct CommandLineTests {
    let now = "2026-11-20T23:00:00Z"

    @Test func dryRunPrintsThePlanWritesNothingAndSaysChangesArePending() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let dry = try CommandRunner.run(["sync", "--config", workspace.configPath, "--dry-run", "--detailed-exitcode", "--now", now])
        #expect(dry.status == 2)
        #expect(dry.stdout.contains("+ RB-"))
        #expect(dry.stdout.contains("Plan: 24 to add, 0 to change, 0 to cancel."))
        #expect(!FileManager.default.fileExists(atPath: workspace.sheetPath))
        #expect(!FileManager.default.fileExists(atPath: workspace.statePath))

        let json = try CommandRunner.run(["sync", "--config", workspace.configPath, "--dry-run", "--output", "json", "--now", now])
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let summary = object["summary"] as! [String: Any]
        #expect(summary["changesPending"] as? Bool == true)
        #expect((summary["add"] as? NSNumber)?.intValue == 24)

        let applied = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--quiet"])
        #expect(applied.status == 0)
        #expect(applied.stderr.contains("sync finished"))
        let after = try CommandRunner.run(["sync", "--config", workspace.configPath, "--dry-run", "--detailed-exitcode", "--now", now])
        #expect(after.status == 0)
        #expect(after.stdout.contains("No changes."))
    }

    @Test func aSecondRunWhileOneHoldsTheLockExitsAtOnceWithCode4() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let lockPath = workspace.statePath + ".lock"
        try FileManager.default.createDirectory(atPath: workspace.path("out"), withIntermediateDirectories: true)
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        defer { close(fd) }
        let result = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now])
        #expect(result.status == 4)
        #expect(result.stderr.contains("another ringback run is in progress"))
        #expect(!FileManager.default.fileExists(atPath: workspace.sheetPath))
    }

    @Test func aBadConfigurationExitsWith3AndNamesFileLineAndKey() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        var text = try workspace.read(workspace.configPath)
        text = text.replacingOccurrences(of: "  default_country: US", with: "  default_contry: US")
        try workspace.write(text, to: "samples/ringback.yaml")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("default_contry") }! + 1
        let result = try CommandRunner.run(["validate", "--config", workspace.configPath])
        #expect(result.status == 3)
        #expect(result.stderr.contains("ringback.yaml:\(line): business.default_contry: unknown key"))

        try workspace.write(
            text.replacingOccurrences(of: "default_contry: US", with: "default_country: US")
                .replacingOccurrences(of: "time_zone: America/Chicago          #", with: "time_zone: America/Austin #"), to: "samples/ringback.yaml")
        let zone = try CommandRunner.run(["sync", "--config", workspace.configPath, "--dry-run"])
        #expect(zone.status == 3)
        #expect(zone.stderr.contains("business.time_zone: unknown time zone `America/Austin`"))
    }

    @Test func validateSummarisesAndLogsCanBeJSONLines() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let validate = try CommandRunner.run(["validate", "--config", workspace.configPath])
        #expect(validate.status == 0)
        #expect(validate.stdout.contains("OK"))
        let sync = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--log-format", "json", "--quiet"])
        #expect(sync.status == 0)
        let lines = sync.stderr.split(separator: "\n")
        #expect(lines.count == 3)
        var levels: [String] = []
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["message"] is String && object?["time"] is String && object?["label"] as? String == "ringback.sync")
            levels.append(object?["level"] as? String ?? "")
        }
        #expect(levels == ["warning", "warning", "info"])
        #expect(lines.contains { $0.contains("\"rejects\":\"2\"") })
    }

    @Test func inspectGuessesTheMappingAndPrintsNormalisedCallsAsJSON() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let file = workspace.path("samples/exports/asterisk/Master.csv")
        let result = try CommandRunner.run([
            "inspect", file, "--output", "json", "--mappings-dir", workspace.path("mappings"), "--time-zone", "America/Chicago",
        ])
        #expect(result.status == 0)
        let calls = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        let karen = try #require(calls.first { $0["caller"] as? String == "+15125550191" && $0["direction"] as? String == "inbound" })
        #expect(karen["outcome"] as? String == "voicemail")
        #expect(karen["start"] as? String == "2026-11-20T04:40:05Z")
        #expect(karen["called"] as? String == "+15125550199")
        #expect(karen["id"] as? String == "asterisk:1763613605.101")
        #expect(result.stderr.contains("Master.csv:8"))
        let table = try CommandRunner.run(["inspect", file, "--mappings-dir", workspace.path("mappings")])
        #expect(table.stdout.contains("mapping asterisk-cdr-csv (guessed: 3 of 3 hints, 100 % confidence; no other mapping matched)"))
    }

    @Test func aRunKilledBetweenWritingFilesAndCommittingIsRepairedWithoutDuplicates() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let marker = workspace.path("paused")
        let (process, _, _) = try CommandRunner.start([workspace.configPath, now, marker], program: "ringback-kill-harness")
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker) && Date() < deadline { usleep(50_000) }
        #expect(FileManager.default.fileExists(atPath: marker))
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        let written = try workspace.sheet()
        #expect(written.count == 14)
        #expect(try SQLiteStateStore(path: workspace.statePath).lastRun() == nil)

        let repair = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now])
        #expect(repair.status == 0)
        #expect(repair.stdout.contains("Plan: 0 to add, 0 to change, 0 to cancel") || repair.stdout.contains("No changes."))
        let rows = try workspace.sheet()
        #expect(rows.count == 14)
        #expect(Set(rows.map { $0["Lead ID"]! }).count == 14)
        let uids = try workspace.read(workspace.calendarPath).components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(uids.count == Set(uids).count && uids.count == 10)
        #expect(try workspace.read(workspace.calendarPath).contains("SEQUENCE:0"))
        #expect(!(try workspace.read(workspace.calendarPath).contains("SEQUENCE:1")))

        let third = try CommandRunner.run(["sync", "--config", workspace.configPath, "--dry-run", "--detailed-exitcode", "--now", now])
        #expect(third.status == 0)
    }
}
