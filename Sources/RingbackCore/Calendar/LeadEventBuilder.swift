import Foundation

/// Decides which calendar events a lead should have: a callback task while it is open, a job once booked.
public struct LeadEventBuilder: Sendable {
    public let rules: BusinessRules

    public init(rules: BusinessRules) {
        self.rules = rules
    }

    public static func uid(leadID: String, kind: EventKind) -> String {
        "\(leadID)-\(kind.rawValue)@ringback"
    }

    public func events(for lead: Lead, _ a: LeadAssessment) -> [CalendarEvent] {
        var events: [CalendarEvent] = []
        let who = a.callerName.isEmpty ? lead.customer.display : "\(a.callerName) (\(lead.customer.display))"
        let service = a.service.map { "\($0.trade): \($0.name)" }
        let location = [a.address, a.address.contains(a.zip) ? "" : a.zip].filter { !$0.isEmpty }.joined(separator: " ")

        if a.status.isOpen, a.status != .qualified, let due = a.dueBy {
            let details = [
                "Lead \(lead.id) - \(a.callerType.rawValue), \(a.urgency.rawValue)",
                "Next action: \(a.nextAction)",
                "Summary: \(a.summary)",
                "Owner: \(a.owner)",
            ].joined(separator: "\n")
            events.append(
                CalendarEvent(
                    uid: LeadEventBuilder.uid(leadID: lead.id, kind: .callback), leadID: lead.id, kind: .callback,
                    title: "Call back \(who)" + (a.urgency == .emergency ? " - EMERGENCY" : ""),
                    details: details, location: location,
                    start: due.addingTimeInterval(TimeInterval(-rules.callbackMinutes * 60)), end: due, owner: a.owner))
        }
        if let appointment = a.appointment, a.status != .closedNotAFit, a.status != .closedNoResponse {
            let minutes = a.service?.jobMinutes ?? rules.defaultJobMinutes
            let details = [
                "Lead \(lead.id) - \(a.callerType.rawValue)",
                "Service: \(service ?? "to be confirmed")",
                "Phone: \(lead.customer.display)",
                "Summary: \(a.summary)",
                "Owner: \(a.owner)",
            ].joined(separator: "\n")
            events.append(
                CalendarEvent(
                    uid: LeadEventBuilder.uid(leadID: lead.id, kind: .job), leadID: lead.id, kind: .job,
                    title: "Job: \(service ?? "visit") - \(who)", details: details, location: location,
                    start: appointment, end: appointment.addingTimeInterval(TimeInterval(minutes * 60)), owner: a.owner))
        }
        return events
    }
}
