import Foundation
import Testing

/// `ringback explain` and `ringback eval` as the person editing the keywords runs them.
@Suite struct ExplainCommandTests {
    @Test func explainPrintsTheVerdictAndWhy() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let result = try CommandRunner.run([
            "explain", "--config", workspace.configPath, "--at", "2026-11-20T04:00:00Z",
            "Hola, soy Rosa, huele a gas en la cocina, siete ocho siete cero dos",
        ])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Caller type: Emergency request: safety issue gas smell"))
        #expect(result.stdout.contains("Urgency:     Emergency"))
        #expect(result.stdout.contains("owner On-call tech"))
        #expect(result.stdout.contains("Name:        Rosa"))
        #expect(result.stdout.contains("Address:     78702"))
    }

    @Test func explainReadsALeadFromTheState() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        try workspace.sync()
        let priya = try #require(try workspace.sheet().first { $0["Phone"] == "+15125550175" }?["Lead ID"])
        let result = try CommandRunner.run(["explain", "--config", workspace.configPath, "--lead", priya, "--at", "2026-11-20T23:00:00Z"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("safety issue water pouring through the ceiling"))
        #expect(result.stdout.contains("Name:        Priya"))
        let missing = try CommandRunner.run(["explain", "--config", workspace.configPath, "--lead", "RB-NOPE"])
        #expect(missing.status != 0)
    }

    @Test func evalPrintsAccuracyAndTheConfusionMatrix() throws {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let corpus = SampleWorkspace.repository.appendingPathComponent("eval/holdout.jsonl").path
        let result = try CommandRunner.run(["eval", "--config", workspace.configPath, "--quiet", corpus])
        #expect(result.status == 0)
        #expect(result.stdout.contains("caller type"))
        #expect(result.stdout.contains("emergencies recognised 20/20"))
        #expect(result.stdout.contains("expected (rows) × decided (columns)"))
    }
}
