import Foundation
import RingbackStore
import Testing

@testable import RingbackSync

/// API sources through the `ringback` command, as cron runs it: dry runs, exit codes, and messages
/// that never carry a credential.
@Suite struct APISourceCommandTests {
    @Test func aDryRunShowsTheNewCallsAndLeavesTheWatermark() throws {
        let workspace = try APIWorkspace(.twilio)
        defer { workspace.remove() }
        try workspace.sync()
        let mark = try workspace.watermark()
        try workspace.server.add(
            [
                "sid": "CAfake0000000000000000000000000008", "parent_call_sid": NSNull(), "start_time": "Fri, 20 Nov 2026 18:00:00 +0000",
                "from": "+15125550206", "to": "+15125550100", "direction": "inbound", "status": "busy", "duration": "0",
            ], to: "twilio")

        let result = try CommandRunner.run(
            ["sync", "--config", workspace.configPath, "--dry-run", "--detailed-exitcode", "--now", "2026-11-20T23:00:00Z"],
            environment: workspace.environment)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.contains("+15125550206"))
        #expect(try workspace.watermark() == mark)
        #expect(try workspace.server.requests().last?.since == "2026-11-18")
    }

    @Test func refusedCredentialsExitFiveNamingSourceStatusAndURLWithoutSecrets() throws {
        let workspace = try APIWorkspace(.twilio)
        defer { workspace.remove() }
        var environment = workspace.environment
        environment["TWILIO_AUTH_TOKEN"] = "a-wrong-token-0000"
        let result = try CommandRunner.run(["sync", "--config", workspace.configPath, "--now", "2026-11-20T23:00:00Z"], environment: environment)
        #expect(result.status == 5)
        #expect(result.stderr.contains("source twilio-live: page 1 failed: HTTP 401 after 1 attempt"))
        #expect(result.stderr.contains("\(workspace.server.baseURL)/2010-04-01/Accounts/${TWILIO_ACCOUNT_SID}/Calls.json"))
        for secret in ["a-wrong-token-0000", environment["TWILIO_ACCOUNT_SID"]!] {
            #expect(!result.stderr.contains(secret) && !result.stdout.contains(secret))
        }
        #expect(try workspace.watermark() == nil)
    }

    @Test func aMissingVariableIsAConfigurationErrorThatNamesIt() throws {
        let workspace = try APIWorkspace(.callrail)
        defer { workspace.remove() }
        var environment = workspace.environment
        environment["CALLRAIL_API_KEY"] = ""
        let result = try CommandRunner.run(["validate", "--config", workspace.configPath], environment: environment)
        #expect(result.status == 3)
        #expect(result.stderr.contains("ringback.yaml:"))
        #expect(result.stderr.contains("sources.[0].api: source `callrail-live`: environment variable $CALLRAIL_API_KEY not set"))
        #expect(result.stderr.contains("callrail-calls-json.yaml:"))
        #expect(!result.stderr.contains(environment["CALLRAIL_ACCOUNT_ID"]!))
    }
}
