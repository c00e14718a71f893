import Foundation

/// One lead as the weekly review sees it: its missed calls, what happened with that number afterwards,
/// and its row as the office left it.
public struct ReviewLead: Sendable {
    public var id: String
    public var missedCalls: [Call]
    public var row: SyncedRow?
    /// An answered call with the number (either way) after the first missed call, inside the lead's window.
    public var reached: Bool
    /// The business called the number back (answered or not) after the first missed call.
    public var attempted: Bool
    /// When the first run after the first missed call started: the row, and its owner, existed from then.
    public var assignedAt: Date?

    public var firstCall: Date { missedCalls.first?.startedAt ?? .distantPast }

    /// The status the office sees (its own where it set one).
    public var status: LeadStatus? { row.flatMap { LeadStatus(officeText: $0.shown(.status)) } }
    /// The status Ringback gave the lead, before any office edit.
    public var ringbackStatus: LeadStatus? { row.flatMap { LeadStatus(officeText: $0.cells.text(.status)) } }
    public var callerType: CallerType? { row.flatMap { CallerType(rawValue: $0.shown(.callerType)) } }

    /// A vendor, spam call or wrong number, or a caller closed as not a fit: not an opportunity.
    public var isNotAFit: Bool { callerType == .vendorSpamWrongNumber || status == .closedNotAFit }
    public var isQualified: Bool { status == .qualified || status == .booked }
    public var isBooked: Bool { status == .booked }
    public var replied: Bool { reached || isQualified }

    /// The office's corrections of what Ringback routed: caller type and owner values it pinned.
    public var corrections: [RoutingCorrection] {
        guard let row else { return [] }
        return [(RoutingCorrection.Field.callerType, SheetColumn.callerType), (.owner, .owner)].compactMap { field, column in
            guard let pinned = row.pins[column], pinned != row.cells.text(column) else { return nil }
            return RoutingCorrection(field: field, from: row.cells.text(column), to: pinned, leadID: id, reason: row.typeReason)
        }
    }
}

extension SyncedRow {
    /// The "Type: …" part of the Why column: the rule and the words behind the caller type.
    var typeReason: String {
        let why = cells.text(.why)
        guard let part = why.components(separatedBy: " | ").first(where: { $0.hasPrefix("Type: ") }) else { return "" }
        return String(part.dropFirst("Type: ".count))
    }
}
