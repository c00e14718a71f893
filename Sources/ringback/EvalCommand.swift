import ArgumentParser
import Foundation
import RingbackCore
import RingbackSync

/// Scores the rules against a labelled corpus of voicemails (`make eval`).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Run the rules over a labelled voicemail corpus (JSON lines) and print accuracy per field and the confusion matrix.")

    @OptionGroup var common: CommonOptions

    @Flag(help: "Leave out the list of misses.")
    var quiet = false

    @Argument(
        help:
            "The corpora: files of one JSON object per line with text, caller_type, trade, urgency, zip, name. With several, a table of all comes first."
    )
    var corpora: [String]

    func run() throws {
        let log = common.logger("eval")
        do {
            let config = try ConfigLoader.load(path: common.configPath)
            // A Tuesday at 10:00 in the business's zone: inside hours, so routing is the daytime one.
            let instant = ISO8601DateFormatter().date(from: "2026-11-17T16:00:00Z")!
            var sets: [(name: String, evaluation: CorpusEvaluation)] = []
            for corpus in corpora {
                guard let data = FileManager.default.contents(atPath: corpus) else { throw ValidationError("cannot read \(corpus)") }
                let cases = try VoicemailCase.parse(jsonLines: String(decoding: data, as: UTF8.self))
                sets.append((URL(fileURLWithPath: corpus).lastPathComponent, CorpusEvaluation(cases: cases, rules: config.rules, at: instant)))
            }
            if sets.count > 1 { print(CorpusTable(sets: sets).report + "\n") }
            for (name, evaluation) in sets {
                if sets.count > 1 { print("== \(name)") }
                print(evaluation.report(listMisses: !quiet) + (sets.count > 1 ? "\n" : ""))
            }
        } catch let error as ValidationError {
            throw error
        } catch {
            throw fail(error, log: log)
        }
    }
}
