import Foundation
import RingbackSeededRandom
import Testing

/// `ringback sync` killed with SIGKILL at random moments while new calls come in, with the office
/// editing the sheet before and after each kill: a completed run after every kill keeps every edit.
/// The seed is printed with a failure so a trial can be replayed.
@Suite(.serialized) struct RealKillTests {
    static let trials = Int(ProcessInfo.processInfo.environment["RINGBACK_KILL_TRIALS"] ?? "") ?? 50
    static let start = SampleWorkspace.sampleNow

    /// What one run of kills found.
    struct Tally {
        var kills = 0
        var edits = 0
        /// Kills that left the sheet written and the state not: the repair said so.
        var betweenWriteAndCommit = 0
        var lost: [String] = []

        var report: String {
            "\(kills) kills while running (\(betweenWriteAndCommit) between writing the sheet and recording the state), \(edits) office edits, \(lost.count) lost"
        }
    }

    /// A Twilio console export of two missed calls: one from a caller already in the sheet, one new.
    static func export(trial: Int, at time: Date) -> String {
        let stamp = DateFormatter()
        stamp.locale = Locale(identifier: "en_US_POSIX")
        stamp.timeZone = TimeZone(identifier: "UTC")
        stamp.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let when = stamp.string(from: time)
        return """
            sid,parent_call_sid,start_time,from,to,direction,status,duration
            CK\(trial)A,,"\(when)",+15125550142,+15125550100,inbound,no-answer,0
            CK\(trial)B,,"\(when)",+1512555\(String(format: "%04d", 2000 + trial)),+15125550100,inbound,no-answer,0

            """
    }

    /// Kills a sync at a random moment of a full run's time, half the trials in its last part where it
    /// writes and records; returns whether it was still running.
    static func killedSync(config: String, at now: Date, within seconds: Double, random: inout SeededRandom) throws -> Bool {
        let (process, _, _) = try CommandRunner.start(["sync", "--config", config, "--now", ISO8601DateFormatter().string(from: now), "--quiet"])
        let share = random.next() % 2 == 0 ? random.unit() : 0.6 + 0.4 * random.unit()
        usleep(useconds_t(share * seconds * 1_000_000))
        let running = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return running
    }

    static func completedSync(config: String, at now: Date) throws -> (Double, CommandRunner.Result) {
        let began = Date()
        let result = try CommandRunner.run(["sync", "--config", config, "--now", ISO8601DateFormatter().string(from: now), "--quiet"])
        return (Date().timeIntervalSince(began), result)
    }

    /// The trials against one sheet: `rows` lists the sheet's Lead IDs, `type` types a cell as the office.
    static func trials(
        config: String, seed: UInt64, write: (String, String) throws -> Void, rows: () throws -> [String],
        type: (String, String, String) throws -> Void, owner: (String) throws -> String?
    ) throws -> Tally {
        var random = SeededRandom(seed: seed)
        var tally = Tally()
        var expected: [String: String] = [:]
        try write(export(trial: 9_999, at: start.addingTimeInterval(-3600)), "samples/exports/console/calls-first.csv")
        let (duration, first) = try completedSync(config: config, at: start)
        #expect(first.status == 0, "\(first.stderr)")
        func edit(_ label: String) throws {
            let ids = try rows()
            guard !ids.isEmpty else { return }
            let id = ids[Int(random.next() % UInt64(ids.count))]
            try type(id, "Owner", label)
            expected[id] = label
            tally.edits += 1
        }
        for trial in 0..<Self.trials {
            let now = start.addingTimeInterval(Double(trial + 1) * 120)
            try write(export(trial: trial, at: now.addingTimeInterval(-60)), "samples/exports/console/calls-\(trial).csv")
            try edit("office \(trial) before")
            if try killedSync(config: config, at: now, within: duration, random: &random) { tally.kills += 1 }
            try edit("office \(trial) after")
            let (_, repair) = try completedSync(config: config, at: now.addingTimeInterval(30))
            #expect(repair.status == 0, "trial \(trial), seed \(seed): \(repair.stderr)")
            if repair.stdout.contains("the last run stopped while writing") { tally.betweenWriteAndCommit += 1 }
            for (id, value) in expected where try owner(id) != value {
                tally.lost.append("trial \(trial): \(id) Owner \(value) became \(try owner(id) ?? "nothing")")
                expected[id] = try owner(id)
            }
        }
        return tally
    }

    @Test func killedRunsOnTheCSVSheetLoseNoOfficeEdit() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.addSource(name: "console", mapping: "twilio-calls-csv", files: "exports/console/*.csv")
        try FileManager.default.createDirectory(atPath: workspace.path("samples/exports/console"), withIntermediateDirectories: true)
        let seed = UInt64(Date().timeIntervalSince1970)
        let tally = try Self.trials(
            config: workspace.configPath, seed: seed, write: { try workspace.write($0, to: $1) },
            rows: { try workspace.sheet().compactMap { $0["Lead ID"] } },
            type: { try workspace.setCell($0, $1, to: $2) }, owner: { try workspace.row($0)?["Owner"] })
        print("CSV sheet: \(tally.report) (seed \(seed))")
        #expect(tally.lost.isEmpty, "seed \(seed): \(tally.lost)")
        #expect(tally.kills >= Self.trials / 10, "kills must land while the run is working")
    }

    @Test func killedRunsOnTheGoogleSheetLoseNoOfficeEdit() throws {
        let google = try GoogleWorkspace()
        try google.addSource(name: "console", mapping: "twilio-calls-csv", files: "exports/console/*.csv")
        try FileManager.default.createDirectory(atPath: google.samples.path("samples/exports/console"), withIntermediateDirectories: true)
        let seed = UInt64(Date().timeIntervalSince1970)
        let tally = try Self.trials(
            config: google.configPath, seed: seed, write: { try google.samples.write($0, to: $1) },
            rows: { google.sheet().compactMap { $0["Lead ID"] } },
            type: { try google.type($2, lead: $0, column: $1) }, owner: { google.row($0)?["Owner"] })
        print("Google sheet: \(tally.report) (seed \(seed))")
        #expect(tally.lost.isEmpty, "seed \(seed): \(tally.lost)")
        #expect(tally.kills >= Self.trials / 10, "kills must land while the run is working")
    }
}
