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

    @Argument(help: "The corpus: one JSON object per line with text, caller_type, trade, urgency, zip, name.")
    var corpus: String

    func run() throws {
        let log = common.logger("eval")
        do {
            let config = try ConfigLoader.load(path: common.configPath)
            guard let data = FileManager.default.contents(atPath: corpus) else { throw ValidationError("cannot read \(corpus)") }
            let cases = try VoicemailCase.parse(jsonLines: String(decoding: data, as: UTF8.self))
            // A Tuesday at 10:00 in the business's zone: inside hours, so routing is the daytime one.
            let instant = ISO8601DateFormatter().date(from: "2026-11-17T16:00:00Z")!
            print(CorpusEvaluation(cases: cases, rules: config.rules, at: instant).report(listMisses: !quiet))
        } catch let error as ValidationError {
            throw error
        } catch {
            throw fail(error, log: log)
        }
    }
}
