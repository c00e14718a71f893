import Foundation

/// The morning list: what needs doing first is on top. Open leads first, by due-by (so overdue ones
/// lead), open leads without a due-by after them, then closed leads, newest call first.
///
/// Only Ringback's lead rows move, and only among the places they already hold: a row the office added
/// (no Lead ID, or one Ringback never issued) and any repeat of a Lead ID stays at exactly its position,
/// and the rows are a permutation of what was there, so no row is ever lost.
public struct MorningOrder: Sendable {
    /// Lead IDs Ringback knows (the plan's rows and the remembered ones).
    public var leadIDs: Set<String>
    private let time = LocalTimeText(zone: .utc)

    public init(leadIDs: Set<String>) {
        self.leadIDs = leadIDs
    }

    public func order(_ grid: inout SheetGrid) {
        let (first, _) = grid.firstRows()
        let slots = first.filter { leadIDs.contains($0.key) }.map(\.value).sorted()
        guard slots.count > 1 else { return }
        let cells = slots.map { grid.layout.cells(of: grid.rows[$0]) }
        let keys = cells.map(key)
        let ordered = slots.indices.sorted { keys[$0] < keys[$1] }
        let moved = ordered.map { grid.rows[slots[$0]] }
        for (slot, row) in zip(slots, moved) { grid.rows[slot] = row }
    }

    /// Sorts open before closed; open by due-by (none last), closed by newest first call; then Lead ID.
    struct Key: Comparable {
        var group: Int
        var instant: Double
        var leadID: String

        static func < (a: Key, b: Key) -> Bool { (a.group, a.instant, a.leadID) < (b.group, b.instant, b.leadID) }
    }

    func key(_ cells: SheetCells) -> Key {
        let status = LeadStatus(officeText: cells.text(.status))
        let open = status?.isOpen ?? true
        let id = cells.text(.leadID)
        if open {
            guard let due = time.parseAppointment(cells.text(.dueBy)) else { return Key(group: 1, instant: 0, leadID: id) }
            return Key(group: 0, instant: due.timeIntervalSince1970, leadID: id)
        }
        let called = time.parseAppointment(cells.text(.timestamp))?.timeIntervalSince1970 ?? 0
        return Key(group: 2, instant: -called, leadID: id)
    }
}
