/// The whole plan of one run: every target's changes. Printing it is `--dry-run`; applying it is a separate step.
public struct SyncPlan: Sendable {
    public var ingest: IngestSummary
    public var sheets: [SheetPlan]
    public var calendars: [CalendarPlan]

    public init(ingest: IngestSummary, sheets: [SheetPlan] = [], calendars: [CalendarPlan] = []) {
        self.ingest = ingest
        self.sheets = sheets
        self.calendars = calendars
    }

    public var toAdd: Int { sheets.reduce(0) { $0 + $1.creates.count } + calendars.reduce(0) { $0 + $1.creates.count } }
    public var toChange: Int { sheets.reduce(0) { $0 + $1.updates.count } + calendars.reduce(0) { $0 + $1.updates.count } }
    public var toCancel: Int { calendars.reduce(0) { $0 + $1.cancels.count } }
    public var newPins: Int { sheets.reduce(0) { $0 + $1.newPins.count } }
    public var officeDeletions: Int { sheets.reduce(0) { $0 + $1.newOfficeDeletions.count } }
    public var routingCorrections: Int { sheets.reduce(0) { $0 + $1.routingCorrections } }
    /// Events the crew deleted or cancelled since the last run; not put back.
    public var crewRemovals: Int {
        calendars.reduce(0) { $0 + $1.crewChanges.filter { $0.kind == .removed || $0.kind == .cancelled }.count }
    }
    public var crewMoves: Int { calendars.reduce(0) { $0 + $1.crewChanges.filter { $0.kind == .moved || $0.kind == .movedAway }.count } }

    /// Target writes pending: what `--detailed-exitcode` reports as 2.
    public var hasChanges: Bool { toAdd + toChange + toCancel > 0 }

    /// State the run must record even when no target is written (pins, deletions, adopted rows, new calls).
    public var hasStateChanges: Bool {
        ingest.newCalls > 0 || sheets.contains { !$0.stateChange.isEmpty } || calendars.contains { !$0.stateChange.isEmpty }
    }

    public var summaryLine: String {
        var line: String
        if hasChanges {
            line = "Plan: \(toAdd) to add, \(toChange) to change, \(toCancel) to cancel."
        } else {
            line = "No changes. The sheet and calendar match the call exports."
        }
        var notes: [String] = []
        if newPins > 0 { notes.append("\(newPins) cell\(newPins == 1 ? "" : "s") newly pinned by the office") }
        if routingCorrections > 0 { notes.append("\(routingCorrections) routing correction\(routingCorrections == 1 ? "" : "s")") }
        if officeDeletions > 0 { notes.append("\(officeDeletions) row\(officeDeletions == 1 ? "" : "s") deleted by the office, not re-created") }
        if crewRemovals > 0 { notes.append("\(crewRemovals) event\(crewRemovals == 1 ? "" : "s") removed by the crew, not put back") }
        if crewMoves > 0 { notes.append("\(crewMoves) event\(crewMoves == 1 ? "" : "s") moved by the crew, kept there") }
        if ingest.rejects > 0 { notes.append("\(ingest.rejects) record\(ingest.rejects == 1 ? "" : "s") rejected") }
        let problems = sheets.reduce(0) { $0 + $1.notes.count }
        if problems > 0 { notes.append("\(problems) problem\(problems == 1 ? "" : "s") for the office (the ! lines)") }
        if !notes.isEmpty { line += " " + notes.joined(separator: "; ") + "." }
        return line
    }
}
