import ArgumentParser
import Foundation
import RingbackCore
import RingbackSync

/// Shows how the rules read one voicemail: the verdict, the intake fields and the reason for each,
/// so whoever edits the keywords can check a phrase before the office sees it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the verdict for a voicemail transcript (caller type, urgency, trade, intake fields) and why.")

    @OptionGroup var common: CommonOptions

    @Option(help: "When the call came in (ISO 8601); default now. Decides after-hours routing.")
    var at: String?

    @Argument(help: "The transcript text.")
    var transcript: String

    func run() throws {
        let log = common.logger("explain")
        let config: RingbackConfig
        do {
            config = try ConfigLoader.load(path: common.configPath)
        } catch {
            throw fail(error, log: log)
        }
        guard let instant = at.map({ ISO8601DateFormatter().date(from: $0) }) ?? Date() else {
            throw ValidationError("--at must be an ISO 8601 time like 2026-11-20T23:00:00Z")
        }
        let call = Call(key: "explain", source: "explain", startedAt: instant, direction: .inbound, customer: .number("+15125550142"),
                        businessLine: .number("+15125550100"), durationSeconds: 30, outcome: .voicemail, transcript: transcript)
        let lead = Lead(id: "explain", customer: call.customer, missedCalls: [call])
        let a = LeadClassifier(rules: config.rules).assess(lead, now: instant)
        for line in Self.lines(a) { print(line) }
    }

    static func lines(_ a: LeadAssessment) -> [String] {
        let v = a.verdict
        var lines = [
            "Caller type: \(v.callerTypeReason)",
            "Urgency:     \(v.urgency.rawValue) (\(v.urgencyReason))",
            "Trade:       \(v.service.map { "\($0.trade): \($0.name) (\(v.tradeReason))" } ?? "none heard")",
            "Status:      \(a.status.rawValue), owner \(a.owner)",
            "Next action: \(a.nextAction)",
        ]
        if let review = v.reviewReason { lines.append("Review:      \(review)") }
        lines.append("Name:        \(a.intake.name ?? "-")")
        lines.append("Callback:    \(a.intake.callbackNumber.map(IntakeFields.display) ?? "-")")
        lines.append("Address:     \([a.intake.street, a.intake.zip].compactMap { $0 }.joined(separator: " ").nonEmpty ?? "-")")
        lines.append("Preferred:   \(a.intake.preferredTime ?? "-")")
        lines.append("Summary:     \(a.summary)")
        return lines
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
