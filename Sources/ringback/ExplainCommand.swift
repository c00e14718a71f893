import ArgumentParser
import Foundation
import RingbackCore
import RingbackStore
import RingbackSync

/// Shows how the rules read one voicemail: the verdict, the intake fields and the reason for each,
/// so whoever edits the keywords can check a phrase before the office sees it.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Print the verdict for a voicemail transcript, or a lead in the state (caller type, urgency, trade, intake fields), and why.")

    @OptionGroup var common: CommonOptions

    @Option(help: "When the call came in (ISO 8601); default now. Decides after-hours routing.")
    var at: String?

    @Option(help: "A Lead ID from the sheet: explain that lead from the calls in the state, instead of a transcript.")
    var lead: String?

    @Argument(help: "The transcript text.")
    var transcript: String?

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
        let classifier = LeadClassifier(rules: config.rules)
        if let leadID = lead {
            let found: Lead?
            do {
                let store = try SQLiteStateStore(path: config.statePath)
                found = LeadBuilder(rules: config.rules).leads(from: try store.calls(since: nil), anchors: try store.leadAnchors())
                    .first { $0.id == leadID }
            } catch {
                throw fail(error, log: log)
            }
            guard let found else { throw ValidationError("no lead \(leadID) in \(config.statePath)") }
            for line in Self.lines(classifier.assess(found, now: instant)) { print(line) }
            return
        }
        guard let transcript else { throw ValidationError("give a transcript, or --lead with a Lead ID") }
        let call = Call(
            key: "explain", source: "explain", startedAt: instant, direction: .inbound, customer: .number("+15125550142"),
            businessLine: .number("+15125550100"), durationSeconds: 30, outcome: .voicemail, transcript: transcript)
        let lead = Lead(id: "explain", customer: call.customer, missedCalls: [call])
        for line in Self.lines(classifier.assess(lead, now: instant)) { print(line) }
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
