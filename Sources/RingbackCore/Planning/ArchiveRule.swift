import Foundation

/// When a lead's row leaves the live sheet for the archive, so the list the office works from stays
/// short however long Ringback runs: the lead is closed as the office sees it (Booked, Closed - no
/// response, Closed - not a fit), its first call is older than `afterDays`, and any appointment is
/// older too. The archived row keeps its state, so the lead is never re-created.
public struct ArchiveRule: Sendable {
    public var afterDays: Int
    public var now: Date
    public var time: LocalTimeText

    public init(afterDays: Int, now: Date, time: LocalTimeText) {
        self.afterDays = afterDays
        self.now = now
        self.time = time
    }

    public func isDue(_ shown: SheetCells) -> Bool {
        guard let status = LeadStatus(officeText: shown.text(.status)), !status.isOpen,
            let first = time.parseAppointment(shown.text(.timestamp))
        else { return false }
        let cutoff = now.addingTimeInterval(-Double(afterDays) * 86400)
        guard first < cutoff else { return false }
        if let appointment = time.parseAppointment(shown.text(.appointment)), appointment >= cutoff { return false }
        return true
    }

    /// After the merge of one row: moves it to `plan.archives` (with this run's changes, instead of
    /// updating the live row) and records it as archived when it is due.
    func apply(to leadID: String, found: SheetContents.Row, remembered: SyncedRow, plan: inout SheetPlan) {
        var shown = found.cells
        let update = plan.updates.lastIndex { $0.leadID == leadID }
        for change in update.map({ plan.updates[$0].changes }) ?? [] { shown[change.column] = change.new }
        guard isDue(shown) else { return }
        if let update { plan.updates.remove(at: update) }
        var state = remembered
        if let recorded = plan.stateChange.upsertRows.lastIndex(where: { $0.leadID == leadID }) {
            state = plan.stateChange.upsertRows.remove(at: recorded)
        }
        state.archived = true
        plan.stateChange.upsertRows.append(state)
        plan.archives.append(DesiredRow(leadID: leadID, cells: shown))
    }
}
