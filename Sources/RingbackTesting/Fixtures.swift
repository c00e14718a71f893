import Foundation
import RingbackCore
import RingbackNormalisation

/// Rules like a small Austin plumbing and HVAC shop's, and calls from its callers, for rule tests.
package enum Fixtures {
    package static let zone = try! LocalZone(identifier: "America/Chicago")

    package static func weekdaysSevenToSix() -> BusinessHours {
        var spans: [Int: BusinessHours.Span] = [:]
        for day in 1...5 { spans[day] = .init(open: 7 * 60, close: 18 * 60) }
        spans[6] = .init(open: 8 * 60, close: 12 * 60)
        return BusinessHours(zone: zone, spans: spans)
    }

    package static func rules(lists: ContactLists = ContactLists(), zips: Set<String> = ["78704", "78751"]) -> BusinessRules {
        BusinessRules(
            businessName: "Test Plumbing", hours: weekdaysSevenToSix(), ownNumbers: ["+15125550100"],
            internalExtensions: ["101"], serviceAreaZIPs: zips,
            routes: [
                .newLead: Route(owner: "Office manager", slaMinutes: 60, nextAction: "Call back"),
                .existingCustomer: Route(owner: "Dispatcher", slaMinutes: 60, nextAction: "Pull job context"),
                .activeJobProblem: Route(owner: "Dispatcher", slaMinutes: 30, nextAction: "Notify the job team"),
                .emergency: Route(owner: "Dispatcher", afterHoursOwner: "On-call tech", slaMinutes: 15, aroundTheClock: true, nextAction: "Escalate"),
                .vendorSpamWrongNumber: Route(owner: "Admin", slaMinutes: 1440, nextAction: "Close"),
                .complexQuote: Route(owner: "Estimator", slaMinutes: 240, nextAction: "Capture details"),
            ],
            followUpWindow: 72 * 3600,
            services: [
                ServiceRule(name: "Leak repair", trade: "Plumbing", keywords: ["leak", "leaking"], jobMinutes: 90),
                ServiceRule(name: "Heating repair", trade: "HVAC", keywords: ["furnace", "no heat"], jobMinutes: 120),
            ],
            emergencyKeywords: ["active leak", "no heat", "sparking"], sameDayKeywords: ["today"],
            complexQuoteKeywords: ["remodel", "estimate"], wrongNumberKeywords: ["wrong number"],
            repeatCallsForSameDay: 3, lists: lists)
    }

    /// Central time on a given day of November 2026 (the 20th is a Friday).
    package static func central(_ day: Int, _ hour: Int, _ minute: Int = 0, month: Int = 11) -> Date {
        zone.date(from: LocalDateTime(year: 2026, month: month, day: day, hour: hour, minute: minute))
    }

    package static func missed(_ key: String, from number: String, at date: Date, voicemail transcript: String? = nil) -> Call {
        Call(
            key: key, source: "test", startedAt: date, direction: .inbound, customer: .number(number),
            businessLine: .number("+15125550100"), durationSeconds: 20, outcome: transcript == nil ? .missed : .voicemail,
            transcript: transcript)
    }

    package static func answered(_ key: String, with number: String, at date: Date, direction: CallDirection = .outbound) -> Call {
        Call(
            key: key, source: "test", startedAt: date, direction: direction, customer: .number(number),
            businessLine: .number("+15125550100"), durationSeconds: 120, outcome: .answered)
    }

    package static func unanswered(_ key: String, to number: String, at date: Date) -> Call {
        Call(
            key: key, source: "test", startedAt: date, direction: .outbound, customer: .number(number),
            businessLine: .number("+15125550100"), durationSeconds: 0, outcome: .missed)
    }
}
