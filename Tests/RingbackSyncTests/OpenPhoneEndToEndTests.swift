import Foundation
import RingbackStore
import Testing

@testable import RingbackSync

/// OpenPhone/Quo pulled from a loopback fake of its API with the shipped mapping and no
/// pre-processing: the caller out of `participants`, the voicemail and transcript from one follow-up
/// request per unanswered call, the business's own after-hours line, a vendor and an existing customer.
@Suite struct OpenPhoneEndToEndTests {
    struct Workspace {
        let samples: SampleWorkspace
        let server: FakeCallAPIServer

        init(faults: [String] = [], maxPerRun: Int? = nil) throws {
            samples = try SampleWorkspace()
            let fixtures = try FakeCallAPIServer.copyFixtures(to: samples.root)
            server = try FakeCallAPIServer(fixtures: fixtures, faults: faults)
            if let maxPerRun {
                let mapping = samples.root.appendingPathComponent("mappings/openphone-calls-json.yaml").path
                let text = try samples.read(mapping).replacingOccurrences(of: "max_per_run: 500", with: "max_per_run: \(maxPerRun)")
                try samples.write(text, to: "mappings/openphone-calls-json.yaml")
            }
            let config = try samples.read(samples.configPath)
            let start = config.range(of: "\nsources:")!.lowerBound
            let end = config.range(of: "\nmappings_dir:")!.lowerBound
            let source = """

                sources:
                  - name: openphone-live
                    mapping: openphone-calls-json
                    api:
                      start_at: 2026-11-16
                      base_url: \(server.baseURL)/openphone

                """
            try samples.write(config.replacingCharacters(in: start..<end, with: source), to: "samples/ringback.yaml")
        }

        func sync(now: String = "2026-11-20T23:00:00Z") throws -> CommandRunner.Result {
            try CommandRunner.run(["sync", "--config", samples.configPath, "--now", now], environment: FakeCallAPIServer.environment)
        }

        func remove() {
            server.stop()
            samples.remove()
        }
    }

    private static func digits(_ text: String?) -> String { String((text ?? "").filter(\.isNumber).suffix(10)) }

    @Test func eighteenLeadsFromTwentyThreeMissedCalls() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let result = try workspace.sync()
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try workspace.samples.sheet()
        #expect(rows.count == 18)
        let byPhone = Dictionary(rows.map { (Self.digits($0["Phone"]), $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byPhone["5125550199"] == nil, "the business's own after-hours line is not a lead")
        #expect(byPhone["5125550155"]?["Caller Type"] == "Vendor, spam, or wrong number")
        #expect(byPhone["5125550130"]?["Caller Type"] == "Existing customer")
        #expect(byPhone["7205551100"]?["Attempts"] == "2")
        #expect(byPhone["7205551100"]?["Transcript"]?.contains("kitchen sink is leaking") == true)
        #expect(byPhone["7205552003"] == nil, "a call still ringing waits for a later pull")
        #expect(!rows.contains { ($0["Phone"] ?? "").contains("[") })

        let voicemails = try workspace.server.requests("openphone-voicemail")
        #expect(voicemails.count == 24)
        #expect(voicemails.allSatisfy { $0.authorised })
        #expect(voicemails.filter { $0.status == "200" }.count == 8)
        #expect(!result.stderr.contains(FakeCallAPIServer.environment["OPENPHONE_API_KEY"]!))
    }

    /// A voicemail transcribed after the first pull updates the recorded call and its lead's row.
    @Test func aTranscriptThatArrivesInALaterPullUpdatesTheLead() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(try workspace.sync().status == 0)
        let before = try #require(try workspace.samples.sheet().first { Self.digits($0["Phone"]) == "7205551101" })
        #expect(before["Transcript"] ?? "" == "")
        let file = workspace.server.fixtures.appendingPathComponent("openphone-voicemails.json")
        var voicemails = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as! [String: Any]
        voicemails["AC0018"] = [
            "duration": 30, "id": "VM0018", "status": "completed", "recordingUrl": "https://storage.example.com/AC0018.mp3",
            "transcript": "Calling again about the water heater, there is water all over the garage floor.",
        ]
        try JSONSerialization.data(withJSONObject: voicemails).write(to: file)
        let second = try workspace.sync(now: "2026-11-20T23:30:00Z")
        #expect(second.status == 0, "\(second.stderr)")
        let rows = try workspace.samples.sheet()
        #expect(rows.count == 18)
        let after = try #require(rows.first { Self.digits($0["Phone"]) == "7205551101" })
        #expect(after["Lead ID"] == before["Lead ID"])
        #expect(after["Transcript"]?.contains("water all over the garage floor") == true)
        let recorded = try SQLiteStateStore(path: workspace.samples.statePath).calls(since: nil).first { $0.key == "openphone:AC0018" }
        #expect(recorded?.outcome == .voicemail)
    }

    @Test func aFailedVoicemailRequestStopsThePullAndKeepsTheWatermark() throws {
        let workspace = try Workspace(faults: ["openphone-voicemail:1:500:0"])
        defer { workspace.remove() }
        let result = try workspace.sync()
        #expect(result.status == 5, "\(result.stderr)")
        #expect(result.stderr.contains("source openphone-live: page 1 failed: HTTP 500"))
        #expect(result.stderr.contains("/openphone/v1/call-voicemails/AC0001"))
        let state = try SQLiteStateStore(path: workspace.samples.statePath)
        #expect(try state.watermark(source: "openphone-live") == nil)
    }

    @Test func followUpsPastTheBoundAreLeftOutAndTheRunSaysSo() throws {
        let workspace = try Workspace(maxPerRun: 5)
        defer { workspace.remove() }
        let result = try workspace.sync()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try workspace.server.requests("openphone-voicemail").count == 5)
        #expect(result.stderr.contains("19 records were read without `voicemail`: more than max_per_run 5 requests in this run"))
        #expect(try workspace.samples.sheet().count == 18)
    }
}
