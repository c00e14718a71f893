/// Three-way compare of what Ringback wants, what the sheet holds and what was last synced.
/// Office edits win and pin the cell; office deletions stand; equal values are never rewritten.
public struct SheetPlanner: Sendable {
    /// Whether two texts of a column mean the same value, e.g. a time a spreadsheet re-saved as
    /// `2026-11-20 15:05:00`; exact text equality when nil.
    public let sameValue: (@Sendable (_ column: String, _ a: String, _ b: String) -> Bool)?

    public init(sameValue: (@Sendable (_ column: String, _ a: String, _ b: String) -> Bool)? = nil) {
        self.sameValue = sameValue
    }

    private func same(_ column: String, _ a: String, _ b: String) -> Bool {
        a == b || (sameValue?(column, a, b) ?? false)
    }

    public func plan(target: String, desired: [DesiredRow], current: SheetContents, base: [String: SyncedRow], syncedAt: String) -> SheetPlan {
        var plan = SheetPlan(target: target)
        plan.duplicateIDs = current.duplicateIDs
        let lastSynced = SheetColumn.lastSynced.rawValue
        let ownedColumns = SheetColumn.allCases.filter { !$0.isOfficeOwned && $0 != .lastSynced }.map(\.rawValue)

        for row in desired {
            let remembered = base[row.leadID]
            guard let found = current.rows[row.leadID] else {
                if let remembered, current.exists {
                    if !remembered.deletedByOffice {
                        plan.newOfficeDeletions.append(row.leadID)
                        var deleted = remembered
                        deleted.deletedByOffice = true
                        plan.stateChange.upsertRows.append(deleted)
                    }
                    continue
                }
                var cells = row.cells
                for column in SheetColumn.allCases where column.isOfficeOwned && cells[column.rawValue] != "" { cells[column.rawValue] = "" }
                if cells[lastSynced] != syncedAt { cells[lastSynced] = syncedAt }
                plan.creates.append(DesiredRow(leadID: row.leadID, cells: cells))
                plan.stateChange.upsertRows.append(SyncedRow(leadID: row.leadID, cells: cells))
                continue
            }

            guard let remembered else {
                plan.adopted.append(row.leadID)
                var cells = found.cells
                var changes: [SheetPlan.CellChange] = []
                for column in ownedColumns {
                    let want = row.cells[column] ?? ""
                    let have = found.cells[column] ?? ""
                    if want != have {
                        changes.append(.init(column: column, old: have, new: want))
                        cells[column] = want
                    }
                }
                if !changes.isEmpty {
                    cells[lastSynced] = syncedAt
                    changes.append(.init(column: lastSynced, old: found.cells[lastSynced] ?? "", new: syncedAt))
                    plan.updates.append(.init(leadID: row.leadID, changes: changes))
                }
                plan.stateChange.upsertRows.append(SyncedRow(leadID: row.leadID, cells: cells))
                continue
            }

            var next = remembered
            next.deletedByOffice = false
            var changes: [SheetPlan.CellChange] = []
            for column in SheetColumn.allCases.map(\.rawValue) where column != lastSynced {
                guard let office = found.cells[column] else { continue }
                let synced = remembered.cells[column] ?? ""
                let isOfficeOwned = SheetColumn(rawValue: column)?.isOfficeOwned ?? false
                if isOfficeOwned {
                    next.cells[column] = office
                    continue
                }
                let want = row.cells[column] ?? ""
                if let pinned = remembered.pins[column] {
                    if pinned != office {
                        next.pins[column] = office
                    }
                    if want != office || pinned != office {
                        plan.pins.append(.init(leadID: row.leadID, column: column, synced: synced, office: office, wanted: want, isNew: false))
                    }
                    continue
                }
                if !same(column, office, synced) {
                    if same(column, office, want) {
                        next.cells[column] = office
                    } else {
                        next.pins[column] = office
                        plan.pins.append(.init(leadID: row.leadID, column: column, synced: synced, office: office, wanted: want, isNew: true))
                    }
                    continue
                }
                if want != synced {
                    changes.append(.init(column: column, old: office, new: want))
                    next.cells[column] = want
                }
            }
            if !changes.isEmpty {
                changes.append(.init(column: lastSynced, old: found.cells[lastSynced] ?? "", new: syncedAt))
                next.cells[lastSynced] = syncedAt
                plan.updates.append(.init(leadID: row.leadID, changes: changes))
            }
            if next != remembered {
                plan.stateChange.upsertRows.append(next)
            }
        }
        return plan
    }
}
