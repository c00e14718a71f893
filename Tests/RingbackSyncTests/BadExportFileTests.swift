import Foundation
import Testing

/// A malformed or hostile export dropped beside good ones must not stop the nightly run: through the
/// command line only, `ringback sync` syncs every good call, lists the bad files in rejects.csv with
/// their reasons, and finishes.
@Suite struct BadExportFileTests {
    static let now = "2026-11-20T23:00:00Z"
    static let fixtures = SampleWorkspace.repository.appendingPathComponent("Tests/RingbackMappingTests/Fixtures")
    static let goodCDRs = ["a1-aleg", "a1-bleg-101", "a6-aleg"].map { "freeswitch/\($0).cdr.xml" }
    static let badCDRs = [
        "freeswitch/truncated.cdr.xml", "hostile/billion-laughs.cdr.xml",
        "hostile/quadratic-blowup.cdr.xml", "hostile/invalid-utf8-element-name.cdr.xml",
    ]

    /// The samples plus a FreeSWITCH drop folder holding `files` from the mapping fixtures.
    static func workspace(with files: [String]) throws -> SampleWorkspace {
        let workspace = try SampleWorkspace()
        let folder = URL(fileURLWithPath: workspace.path("samples/exports/freeswitch"))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in files {
            let name = file.replacingOccurrences(of: "/", with: "-")
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(file), to: folder.appendingPathComponent(name))
        }
        try workspace.addSource(name: "freeswitch", mapping: "freeswitch-xml-cdr", files: "exports/freeswitch/*.xml")
        return workspace
    }

    static func sync(_ workspace: SampleWorkspace) throws -> CommandRunner.Result {
        try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", now, "--quiet"])
    }

    @Test func goodCallsAreSyncedAndEachBadFileIsARejectWithItsReason() throws {
        let clean = try Self.workspace(with: Self.goodCDRs)
        defer { clean.remove() }
        let cleanRun = try Self.sync(clean)
        #expect(cleanRun.status == 0, "\(cleanRun.stderr)")

        let mixed = try Self.workspace(with: Self.goodCDRs + Self.badCDRs)
        defer { mixed.remove() }
        let mixedRun = try Self.sync(mixed)
        #expect(mixedRun.status == 0, "\(mixedRun.stderr)")
        #expect(mixedRun.stderr.contains("sync finished"))

        // Every good call, from the samples and from the good CDRs, is on the sheet as without the bad files.
        let leads = try mixed.sheet().map { $0["Phone"] ?? "" }.sorted()
        #expect(leads == (try clean.sheet().map { $0["Phone"] ?? "" }.sorted()))
        #expect(leads.count > 3)
        #expect(leads.contains("+15125550188"))  // the missed call of a6-aleg.cdr.xml

        // rejects.csv quotes a reason that holds a comma.
        let rejects = try mixed.read(mixed.rejectsPath)
        #expect(rejects.contains("freeswitch-truncated.cdr.xml,1,not well-formed XML near line"))
        #expect(rejects.contains("hostile-billion-laughs.cdr.xml,1,\"refused at line 3: it declares the entity `lol`"))
        #expect(rejects.contains("hostile-quadratic-blowup.cdr.xml,1,\"refused at line 2: it declares the entity `a`"))
        #expect(rejects.contains("hostile-invalid-utf8-element-name.cdr.xml,1,\"not well-formed XML near line 24: Input is not proper UTF-8"))
        for file in Self.goodCDRs.map({ $0.replacingOccurrences(of: "/", with: "-") }) {
            #expect(!rejects.contains(file), "\(file) was rejected")
        }
    }

    @Test func aBadFileDoesNotStopTheNextRun() throws {
        let workspace = try Self.workspace(with: Self.goodCDRs + Self.badCDRs)
        defer { workspace.remove() }
        #expect(try Self.sync(workspace).status == 0)
        let again = try CommandRunner.run(["sync", "--config", workspace.configPath, "--dry-run", "--detailed-exitcode", "--now", Self.now])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("No changes."))
    }
}
