import Foundation
import Testing

/// Runs a few hundred seeded mutations of `samples/ringback.yaml` through the real `ringback validate`:
/// never a crash, exit 3 with one `file:line:` line for a mistake, exit 0 only for what is still valid.
@Suite struct ConfigMutationTests {
    /// What one run of `validate` made of a mutation.
    struct Outcome: Sendable {
        enum Verdict: String, Sendable { case accepted, located, rejectedOtherwise, crashed }
        var mutation: ConfigMutation
        var verdict: Verdict
        var status: Int32
        /// The message of the one error line, without the log's time and level.
        var message: String
        /// The line number the message starts with, when it starts with the file's name and a line.
        var line: Int?
    }

    static let seed: UInt64 = 16

    @Test func generatedMutationsAreAcceptedOrRejectedOnOneLocatedLine() throws {
        // Before the checks of issue 16: 188 accepted (82 of them wrong), 224 located, 47 rejected otherwise.
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        var mutator = ConfigMutator(sample: try workspace.read(workspace.configPath), seed: Self.seed)
        let mutations = mutator.all()
        #expect(mutations.count >= 300)
        let outcomes = try Self.run(mutations, in: workspace)
        print(Self.figures(outcomes))

        for outcome in outcomes {
            let what = "\(outcome.mutation.name): exit \(outcome.status): \(outcome.message)"
            #expect(outcome.verdict != .crashed, "\(what)")
            #expect(outcome.verdict == .accepted || outcome.verdict == .located, "one located line: \(what)")
            switch outcome.mutation.expectation {
            case .valid: #expect(outcome.status == 0, "still valid: \(what)")
            case .invalid: #expect(outcome.status == 3, "a mistake: \(what)")
            case .either: break
            }
            if let line = outcome.mutation.line, outcome.verdict == .located {
                #expect(outcome.line == line, "on line \(line): \(what)")
            }
        }
    }

    /// Writes each mutation beside the sample (so its relative paths still work) and validates it, a few at a time.
    static func run(_ mutations: [ConfigMutation], in workspace: SampleWorkspace) throws -> [Outcome] {
        let results = LockedOutcomes(count: mutations.count)
        DispatchQueue.concurrentPerform(iterations: 4) { worker in
            for index in stride(from: worker, to: mutations.count, by: 4) {
                let path = workspace.path("samples/mutation-\(index).yaml")
                do {
                    try Data(mutations[index].text.utf8).write(to: URL(fileURLWithPath: path))
                    let result = try CommandRunner.run(["validate", "--config", path])
                    results.set(index, outcome(of: mutations[index], result, file: path))
                } catch {
                    results.set(index, Outcome(mutation: mutations[index], verdict: .crashed, status: -1, message: "\(error)", line: nil))
                }
            }
        }
        return results.all
    }

    static func outcome(of mutation: ConfigMutation, _ result: CommandRunner.Result, file: String) -> Outcome {
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(" ERROR ") }
        let message = errors.first.map { line in line.split(separator: " ", maxSplits: 2).dropFirst(2).joined() } ?? result.stderr
        var outcome = Outcome(mutation: mutation, verdict: .rejectedOtherwise, status: result.status, message: message, line: nil)
        switch result.status {
        case 0: outcome.verdict = .accepted
        case 3:
            let prefix = file + ":"
            if message.hasPrefix(prefix), let line = Int(message.dropFirst(prefix.count).prefix { $0.isNumber }) {
                outcome.line = line
                let oneLine = errors.count == 1 && !message.contains("\\n") && message.count < 400
                if oneLine && message.dropFirst(prefix.count).drop(while: \.isNumber).hasPrefix(": ") { outcome.verdict = .located }
            }
        default: outcome.verdict = .crashed
        }
        return outcome
    }

    static func figures(_ outcomes: [Outcome]) -> String {
        func count(_ verdict: Outcome.Verdict) -> Int { outcomes.filter { $0.verdict == verdict }.count }
        let wronglyAccepted = outcomes.filter { $0.verdict == .accepted && $0.mutation.expectation == .invalid }
        let wronglyRejected = outcomes.filter { $0.verdict != .accepted && $0.mutation.expectation == .valid }
        let misplaced = outcomes.filter { $0.verdict == .located && $0.mutation.line != nil && $0.line != $0.mutation.line }
        var text = """
            config mutations (seed \(seed)): \(outcomes.count) run; accepted \(count(.accepted)), \
            rejected with one located line \(count(.located)), rejected otherwise \(count(.rejectedOtherwise)), \
            crashed \(count(.crashed)); accepted although wrong \(wronglyAccepted.count), \
            rejected although valid \(wronglyRejected.count), located on another line \(misplaced.count)
            """
        for outcome in wronglyAccepted { text += "\n  accepted although wrong: \(outcome.mutation.name)" }
        for outcome in wronglyRejected { text += "\n  rejected although valid: \(outcome.mutation.name): \(outcome.message)" }
        for outcome in outcomes where outcome.verdict == .rejectedOtherwise {
            text += "\n  rejected otherwise: \(outcome.mutation.name): \(outcome.message.prefix(200))"
        }
        for outcome in misplaced {
            text += "\n  on line \(outcome.line ?? 0), not \(outcome.mutation.line ?? 0): \(outcome.mutation.name): \(outcome.message.prefix(200))"
        }
        return text
    }
}

/// The outcomes, filled in by the concurrent workers.
final class LockedOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [ConfigMutationTests.Outcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: ConfigMutationTests.Outcome) {
        lock.withLock { outcomes[index] = outcome }
    }

    var all: [ConfigMutationTests.Outcome] { lock.withLock { outcomes.compactMap { $0 } } }
}
