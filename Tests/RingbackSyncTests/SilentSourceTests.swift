import Foundation
import Testing

/// A source that brings nothing it should is loud: `validate` warns, `sync` applies the rest and exits 6;
/// `--quiet` hides progress, never what the office must act on; `--fail-on-rejects` exits 7.
@Suite struct SilentSourceTests {
    let now = "2026-11-20T23:00:00Z"

    @Test func aGlobThatMatchesNothingWarnsInValidateAndFailsSync() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let config = try workspace.read(workspace.configPath)
        try workspace.write(config.replacingOccurrences(of: "exports/twilio/", with: "exports/twilo/"), to: "samples/ringback.yaml")

        let validate = try CommandRunner.run(["validate", "--config", workspace.configPath])
        #expect(validate.status == 0)
        #expect(validate.stderr.contains("WARNING source twilio: no file matches"))

        let sync = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--quiet"])
        #expect(sync.status == 6)
        #expect(sync.stdout.contains("! source twilio: no file matches"))
        #expect(sync.stderr.contains("source twilio: no file matches"))
        #expect(try workspace.sheet().count > 0)
        #expect(try workspace.sheet().allSatisfy { $0["Call Source"] != "twilio" })
    }

    @Test func aSourceMayBeDeclaredEmpty() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let config = try workspace.read(workspace.configPath)
        let edited = config.replacingOccurrences(of: "exports/twilio/", with: "exports/twilo/")
            .replacingOccurrences(of: "  - name: twilio\n", with: "  - name: twilio\n    allow_empty: true\n")
        try workspace.write(edited, to: "samples/ringback.yaml")
        let sync = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--quiet"])
        #expect(sync.status == 0, "\(sync.stderr)")
    }

    @Test func sourcesWithNoNewCallForTwoDaysAreReported() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        #expect(try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now]).status == 0)
        let later = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", "2026-11-23T23:00:00Z", "--quiet"])
        #expect(later.status == 6)
        #expect(later.stdout.contains("! source twilio: no new call for more than 48 h"))
        let relaxed = try workspace.read(workspace.configPath).replacingOccurrences(
            of: "  - name: twilio\n", with: "  - name: twilio\n    stale_after_hours: 0\n")
        try workspace.write(relaxed, to: "samples/ringback.yaml")
        let again = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", "2026-11-23T23:00:00Z", "--quiet"])
        #expect(!again.stdout.contains("source twilio:"))
    }

    @Test func rejectsCanFailTheRunForCron() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let sync = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--quiet", "--fail-on-rejects"])
        #expect(sync.status == 7)
        #expect(try workspace.sheet().count == 14)
        #expect(try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--quiet"]).status == 0)
    }

    @Test func quietStillPrintsWhatTheOfficeMustActOn() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let lead = try #require(try workspace.row(phone: "+15125550142")?["Lead ID"])
        try workspace.setCell(lead, "Appointment", to: "11/24 9:30 AM")
        let sync = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--quiet"])
        #expect(sync.status == 0)
        #expect(sync.stdout.contains("! \(lead) Appointment \"11/24 9:30 AM\" is not a date and time Ringback can read"))
        #expect(try workspace.row(lead)?["Problems"]?.hasPrefix("Appointment \"11/24 9:30 AM\" is not a date and time Ringback can read") == true)
        #expect(try workspace.row(lead)?["Appointment"] == "11/24 9:30 AM")

        try workspace.setCell(lead, "Appointment", to: "2026-11-24 09:30")
        _ = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--quiet"])
        #expect(try workspace.row(lead)?["Problems"] == "")
        #expect(try workspace.row(lead)?["Status"] == "Booked")
    }
}

/// Every applied run appends one line to the status file the office can open.
@Suite struct RunStatusFileTests {
    @Test func aWeekOfRunsLeavesOneLinePerRun() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        for day in 0..<7 {
            try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(Double(day) * 86400))
        }
        let lines = try workspace.read(workspace.path("out/status.csv")).split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.count == 8)
        #expect(lines[0].hasSuffix("Run,Files read,New calls,Leads,Rejected records,Problems,Summary"))
        #expect(lines[1].hasPrefix("2026-11-20 17:00,4,23,14,2,0,"))
        #expect(lines[2].hasPrefix("2026-11-21 17:00,0,0,14,0,"))
    }

    /// A file no mapping recognises is tried again each run (a mapping may be added); a read file is not.
    @Test func aFileNoMappingRecognisesIsTriedAgainNextRun() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.write("{\"not\": \"a call export\"}", to: "samples/exports/callrail/notes.json")
        let first = try workspace.sync()
        #expect(first.ingest.filesRead == 5 && first.ingest.rejects == 3)
        let second = try workspace.sync(at: SampleWorkspace.sampleNow.addingTimeInterval(60))
        #expect(second.ingest.filesRead == 1 && second.ingest.filesSkipped == 4 && second.ingest.rejects == 1)
    }
}
