import Foundation

/// Picks the seed's script for a lead from its status and caller type and fills it in: the caller's
/// first name, the company, the offered windows. Worded as a text only where SMS consent is on record,
/// otherwise as what to say on the callback. Ringback only suggests; it sends nothing.
public struct SuggestedMessage: Sendable {
    public let scripts: MessageScripts
    public let company: String
    public let windowText: WindowText

    public init(scripts: MessageScripts, company: String, windowText: WindowText) {
        self.scripts = scripts
        self.company = company
        self.windowText = windowText
    }

    /// The script for a lead; nil when there is nothing to say (booked, or closed for no response).
    public static func situation(_ a: LeadAssessment, windows: [OfferedWindow]) -> ScriptSituation? {
        switch a.status {
        case .booked, .closedNoResponse: return nil
        case .closedNotAFit: return .notAFit
        default: break
        }
        if a.callerType == .emergency || a.verdict.safetyIssue != nil { return .urgentTriage }
        // A person decides: urgent words get the triage script, an address to check or a routine case the opening.
        if a.status == .staffReview { return a.urgency == .routine || a.inServiceArea == false ? .callbackOpening : .urgentTriage }
        if windows.count >= 2 && (a.callerType == .newLead || a.callerType == .existingCustomer) { return .routineBooking }
        switch a.callerType {
        case .existingCustomer, .activeJobProblem: return .existingCustomer
        case .complexQuote: return .estimateDetails
        case .vendorSpamWrongNumber: return .notAFit
        default: break
        }
        switch a.status {
        case .awaitingReply: return .noAnswer
        case .qualified: return .callbackOpening
        default: return .immediateText
        }
    }

    /// "Text: …" or "Call: …", or empty when no script applies.
    public func message(for a: LeadAssessment, windows: [OfferedWindow], smsConsent: Bool) -> String {
        guard let situation = Self.situation(a, windows: windows) else { return "" }
        let script = scripts.script(situation)
        let firstName = a.callerName.split(separator: " ").first.map(String.init) ?? ""
        var values: [MessageTemplate.Placeholder: String] = [
            .name: firstName.isEmpty ? "there" : firstName,
            .company: company,
            .service: a.service.map { $0.name.lowercased() } ?? "your request",
            .zip: a.zip,
        ]
        if situation.mayNameWindows {
            values[.window1] = windows.first.map(windowText.format) ?? ""
            values[.window2] = windows.dropFirst().first.map(windowText.format) ?? ""
        }
        var text = (smsConsent ? script.text : script.call).render(values)
        // Foundation's `replacingOccurrences` here was a tenth of a million-call run (perf, 1M Twilio
        // benchmark); the standard library's `replacing`, and only when no name was heard, costs nothing.
        if firstName.isEmpty { text = text.replacing("Hi there,", with: "Hi,") }
        return (smsConsent ? "Text: " : "Call: ") + text
    }
}
