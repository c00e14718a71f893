import Foundation
import Testing

/// `ringback inspect` as a new user meets it: both parties, every record left out or rejected and why,
/// how sure the guess is, no guess for a file no mapping describes, and exit 3 for a broken mapping.
@Suite struct InspectCommandTests {
    static let openPhonePage = SampleWorkspace.repository.appendingPathComponent("Tests/RingbackMappingTests/Fixtures/openphone/calls-page.json").path
    static let mappings = SampleWorkspace.repository.appendingPathComponent("mappings").path

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func bothPartiesTheRingingCallAndTheGuessAreShown() throws {
        let result = try CommandRunner.run(["inspect", Self.openPhonePage, "--mappings-dir", Self.mappings, "--config", "/nonexistent.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mapping openphone-calls-json (guessed: 5 of 5 hints, 100 % confidence; "))
        #expect(result.stdout.contains("5 records, 5 legs, 4 calls, 0 rejected, 1 left out"))
        let outbound = try #require(result.stdout.components(separatedBy: "\n").first { $0.contains("AC0004outgoing") })
        #expect(outbound.contains("(line not in export)  +17205550144"))
        #expect(!outbound.contains("Anonymous"))
        #expect(result.stdout.contains("left out data[2] (AC0003ringing): the call has not ended yet"))
    }

    @Test func aListWhereTheCallerShouldBeIsRejectedAndWarnedAbout() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: Self.mappings + "/openphone-calls-json.yaml", encoding: .utf8)
        try text.replacingOccurrences(of: "customer: participants[0]", with: "customer: participants")
            .write(to: dir.appendingPathComponent("openphone-calls-json.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["inspect", Self.openPhonePage, "--mapping", "openphone-calls-json", "--mappings-dir", dir.path])
        #expect(result.stdout.contains("rejected data[0]: field `customer` (path `participants`) is a list of 1, not one value"))
        #expect(!result.stdout.contains("[\"+1720"))

        try text.replacingOccurrences(of: "customer: participants[0]", with: "customer: participants[3]")
            .write(to: dir.appendingPathComponent("openphone-calls-json.yaml"), atomically: true, encoding: .utf8)
        let anonymous = try CommandRunner.run(["inspect", Self.openPhonePage, "--mapping", "openphone-calls-json", "--mappings-dir", dir.path])
        #expect(anonymous.stdout.contains("warning: mapping openphone-calls-json: only 0 of 5 calls have a caller's number"))
        #expect(anonymous.stderr.contains("Check `customer` (`participants[3]`)"))
    }

    @Test func aFileNoMappingDescribesIsNotGuessed() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("3cx-call-log.csv")
        try """
        Call Time,Call ID,From,To,Direction,Status,Ringing,Talking,Totals,Reason
        2026/11/18 09:14:02,00000A1B,(720) 555-0111,Main Line (100),Inbound,Unanswered,00:00:25,00:00:00,00:00:25,Terminated by caller
        """.write(to: file, atomically: true, encoding: .utf8)
        let specs = try FileManager.default.contentsOfDirectory(atPath: Self.mappings).filter { $0 != "threecx-call-log-csv.yaml" }
        let only = dir.appendingPathComponent("mappings")
        try FileManager.default.createDirectory(at: only, withIntermediateDirectories: true)
        for name in specs { try FileManager.default.copyItem(atPath: Self.mappings + "/" + name, toPath: only.appendingPathComponent(name).path) }
        let result = try CommandRunner.run(["inspect", file.path, "--mappings-dir", only.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("no mapping recognises this file"))
        #expect(!result.stdout.contains("twilio-calls-csv"))
    }

    @Test func aBrokenMappingExitsThreeNamingFileLineKeyAndCharacter() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: Self.mappings + "/openphone-calls-json.yaml", encoding: .utf8)
        try text.replacingOccurrences(of: "customer: participants[0]", with: "customer: participants[0")
            .write(to: dir.appendingPathComponent("openphone-calls-json.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["inspect", Self.openPhonePage, "--mappings-dir", dir.path])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("openphone-calls-json.yaml:"))
        #expect(result.stderr.contains("fields.customer"))
        #expect(result.stderr.contains("path `participants[0` at character 15: expected `]`"))
    }
}
