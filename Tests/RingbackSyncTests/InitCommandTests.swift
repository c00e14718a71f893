import Foundation
import Testing

/// `ringback init --sample`: the mapping recognised, the own numbers and the zone guessed, and a
/// starter configuration that `validate` accepts, on several shipped fixtures.
@Suite struct InitCommandTests {
    static let repository = SampleWorkspace.repository
    static let mappings = repository.appendingPathComponent("mappings").path
    static let fixtures = repository.appendingPathComponent("Tests/RingbackMappingTests/Fixtures")

    struct Case: Sendable, CustomTestStringConvertible {
        var sample: String
        var zips: String?
        var mapping: String
        var zone: String
        var ownNumbers: [String]
        var testDescription: String { sample }
    }

    static let cases: [Case] = [
        Case(
            sample: repository.appendingPathComponent("samples/exports/asterisk/Master.csv").path, zips: "78701,78704",
            mapping: "asterisk-cdr-csv", zone: "America/Chicago", ownNumbers: ["+15125550199"]),
        Case(
            sample: fixtures.appendingPathComponent("zoom/call-logs.json").path, zips: "30301", mapping: "zoom-phone-call-logs-json",
            zone: "America/New_York", ownNumbers: ["+15125550100"]),
        Case(
            sample: fixtures.appendingPathComponent("3cx/call-log.csv").path, zips: "98101", mapping: "threecx-call-log-csv",
            zone: "America/Los_Angeles", ownNumbers: []),
        Case(
            sample: fixtures.appendingPathComponent("openphone/calls-page.json").path, zips: nil, mapping: "openphone-calls-json",
            zone: "America/Chicago", ownNumbers: []),
    ]

    private func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: cases)
    func aStarterConfigurationValidateAccepts(_ example: Case) throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("ringback.yaml").path
        var arguments = [
            "init", "--sample", example.sample, "--business", "Lone Star \"Plumbing\"", "--mappings-dir", Self.mappings, "--output", output,
        ]
        if let zips = example.zips { arguments += ["--zips", zips] }
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("written for mapping \(example.mapping)"))
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.contains("time_zone: \(example.zone)"))
        #expect(text.contains("mapping: \(example.mapping)"))
        for number in example.ownNumbers { #expect(text.contains("- \"\(number)\"")) }
        if example.ownNumbers.isEmpty { #expect(text.contains("own_numbers: []")) }
        let validate = try CommandRunner.run(["validate", "--config", output])
        #expect(validate.status == 0, "\(validate.stderr)")
        #expect(validate.stdout.contains("business: Lone Star \"Plumbing\", time zone \(example.zone)"))
    }

    @Test func anExportNoMappingReadsSaysWhichFieldsItCouldNotPlace() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sample = dir.appendingPathComponent("calls.csv")
        try "Call Time,Caller,To,Result\n2026/11/18 08:14:02,(720) 555-0111,Main (100),Missed\n".write(to: sample, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run([
            "init", "--sample", sample.path, "--mappings-dir", Self.mappings, "--output", dir.appendingPathComponent("r.yaml").path,
        ])
        #expect(result.status == 3)
        #expect(result.stderr.contains("no mapping recognises this file; the closest, threecx-call-log-csv, could not place"))
        #expect(result.stderr.contains("from (`From`)"))
        #expect(!result.stderr.contains("start (`Call Time`)"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("r.yaml").path))
    }

    @Test func anExistingConfigurationIsNotReplacedWithoutForce() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = dir.appendingPathComponent("ringback.yaml")
        try "keep me\n".write(to: output, atomically: true, encoding: .utf8)
        let sample = Self.fixtures.appendingPathComponent("zoom/call-logs.json").path
        let result = try CommandRunner.run(["init", "--sample", sample, "--mappings-dir", Self.mappings, "--output", output.path])
        #expect(result.status == 3)
        #expect(try String(contentsOf: output, encoding: .utf8) == "keep me\n")
        #expect(try CommandRunner.run(["init", "--sample", sample, "--mappings-dir", Self.mappings, "--output", output.path, "--force"]).status == 0)
    }
}
