/// The sheet rows the last run wrote but did not live to record: with the journal it left, each cell the
/// sheet holds is known to be Ringback's (it equals what the run was writing) or the state's (the write
/// did not reach it); anything else is the office's and wins. The result is the base the planner merges
/// against, so a crash costs no office edit and writes nothing twice.
public enum JournalRecovery {
    public static func base(
        remembered: [String: SyncedRow], pending: [String: SyncedRow], found: SheetContents,
        same: (SheetColumn, String, String) -> Bool = { _, a, b in a == b }
    ) -> [String: SyncedRow] {
        var base = remembered
        for (id, written) in pending {
            guard let row = found.rows[id] else {
                // A row the crashed run archived has left the live sheet: it stays archived.
                if written.archived {
                    var archived = remembered[id] ?? written
                    archived.archived = true
                    base[id] = archived
                }
                continue
            }
            guard var recovered = remembered[id] else {
                base[id] = written
                continue
            }
            for column in SheetColumn.allCases {
                guard let have = row.cells[column], let wrote = written.cells[column], same(column, have, wrote) else { continue }
                recovered.cells[column] = written.cells[column]
            }
            recovered.pins.merge(written.pins) { _, new in new }
            recovered.reopenedAt = written.reopenedAt ?? recovered.reopenedAt
            // The windows shown and an Appointment filled from a crew job are as the run wrote them when
            // the sheet shows its cell.
            if recovered.cells[.offeredWindows] == written.cells[.offeredWindows] { recovered.offered = written.offered }
            if recovered.cells[.appointment] == written.cells[.appointment] { recovered.appointmentFromCrew = written.appointmentFromCrew }
            base[id] = recovered
        }
        return base
    }
}
