import RingbackCore

extension SheetPlan {
    /// The plan that appends closed leads' rows to an archive file holding `archived`. Rows already there
    /// are the office's to edit: they are kept as they are, never rewritten, with one exception: a Lead ID
    /// the archive already holds (a run that stopped after writing the archive, before the live file or
    /// the state, archives the same rows again) is not appended twice; its archive row takes the live
    /// row's values, the newest the office saw.
    package static func archiving(_ rows: [DesiredRow], into archived: SheetContents, target: String) -> SheetPlan {
        var plan = SheetPlan(target: target)
        for row in rows {
            guard let found = archived.rows[row.leadID] else {
                plan.creates.append(row)
                continue
            }
            let changes = SheetColumn.allCases.compactMap { column -> SheetPlan.CellChange? in
                guard let have = found.cells[column], let want = row.cells[column], have != want else { return nil }
                return SheetPlan.CellChange(column: column, old: have, new: want)
            }
            if !changes.isEmpty { plan.updates.append(SheetPlan.Update(leadID: row.leadID, changes: changes)) }
        }
        return plan
    }
}
