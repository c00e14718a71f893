import Foundation
import Testing

@testable import RingbackSync

/// The `api:` form of a source in ringback.yaml: the sample's commented example, defaults and mistakes.
@Suite struct APISourceConfigTests {
    static let twilioEnvironment = ["TWILIO_ACCOUNT_SID": "ACsample0000000000000000000000000001", "TWILIO_AUTH_TOKEN": "sample-token-0000"]

    static func uncommentedSample(_ workspace: SampleWorkspace) throws {
        let keys = ["- name: twilio-live", "mapping: twilio-calls-json", "api:", "overlap_hours: 24", "start_at: 2026-11-01"]
        let lines = try workspace.read(workspace.configPath).components(separatedBy: "\n").map { line in
            guard let mark = line.range(of: "# "), line[..<mark.lowerBound].allSatisfy({ $0 == " " }),
                keys.contains(where: { line[mark.upperBound...].trimmingCharacters(in: .whitespaces).hasPrefix($0) })
            else { return line }
            return line.replacingCharacters(in: mark, with: "")
        }
        try workspace.write(lines.joined(separator: "\n"), to: "samples/ringback.yaml")
    }

    static func problem(_ workspace: SampleWorkspace, environment: [String: String] = twilioEnvironment) -> String {
        do {
            _ = try ConfigLoader.load(path: workspace.configPath, environment: environment)
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test func theSamplesCommentedAPISourceLoadsOnceUncommented() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        #expect(try ConfigLoader.load(path: workspace.configPath, environment: [:]).apiSources.isEmpty)
        try Self.uncommentedSample(workspace)
        let config = try ConfigLoader.load(path: workspace.configPath, environment: Self.twilioEnvironment)
        #expect(config.sources.count == 3)
        let source = try #require(config.apiSources.first)
        #expect(source.name == "twilio-live" && source.mapping.name == "twilio-calls-json")
        #expect(source.overlap == 24 * 3600)
        #expect(source.startAt == ISO8601DateFormatter().date(from: "2026-11-01T00:00:00Z"))
        #expect(source.baseURL == "https://api.twilio.com")
        #expect(source.retry.maxAttempts == 4)
        #expect(!"\(source)".contains("sample-token-0000"))
        #expect(Self.problem(workspace, environment: [:]).contains("environment variables $TWILIO_ACCOUNT_SID, $TWILIO_AUTH_TOKEN not set"))
    }

    @Test func mistakesInAnAPISourceAreNamed() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let original = try workspace.read(workspace.configPath)
        func source(_ text: String) throws -> String {
            try workspace.write(original.replacingOccurrences(of: "mappings_dir:", with: text + "\nmappings_dir:"), to: "samples/ringback.yaml")
            return Self.problem(workspace)
        }
        #expect(try source("  - { name: live, api: {} }").contains("sources.[3].api: an API source needs `mapping:`"))
        #expect(
            try source("  - { name: live, mapping: asterisk-cdr-csv, api: {} }")
                .contains("sources.[3].mapping: mapping `asterisk-cdr-csv` has no `api:` section"))
        #expect(
            try source("  - { name: live, mapping: twilio-calls-json, files: x/*.json, api: {} }")
                .contains("a source has either `files:` or `api:`, not both"))
        #expect(try source("  - { name: live, mapping: twilio-calls-json, api: { overlap: 3 } }").contains("sources.[3].api.overlap: unknown key"))
        #expect(
            try source("  - { name: live, mapping: twilio-calls-json, api: { start_at: last week } }")
                .contains("sources.[3].api.start_at: expected a date like 2026-11-01"))
        #expect(
            try source("  - { name: live, mapping: twilio-calls-json, api: { base_url: api.twilio.com } }")
                .contains("sources.[3].api.base_url: expected an http:// or https:// URL"))
        #expect(try source("  - { name: twilio, mapping: twilio-calls-json, api: {} }").contains("source name `twilio` is used twice"))
        #expect(try source("  - name: live\n    mapping: twilio-calls-json\n    api:") == "no error")
    }
}
