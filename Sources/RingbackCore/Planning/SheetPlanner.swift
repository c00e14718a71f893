/// Three-way compare of what Ringback wants, what the sheet holds and what was last synced.
/// Office edits win and pin the cell; office deletions stand; equal values are never rewritten.
public struct SheetPlanner: Sendable {
    /// Whether two texts of a column mean the same value, e.g. a time a spreadsheet re-saved as
    /// `2026-11-20 15:05:00`; exact text equality when nil.
    public let sameValue: (@Sendable (_ column: SheetColumn, _ a: String, _ b: String) -> Bool)?

    public init(sameValue: (@Sendable (_ column: SheetColumn, _ a: String, _ b: String) -> Bool)? = nil) {
        self.sameValue = sameValue
    }

    /// Times compare as times in the business's zone; other columns as text.
    public init(time: LocalTimeText) {
        self.init { column, a, b in column.isTime && time.sameTime(a, b) }
    }

    private func same(_ column: SheetColumn, _ a: String, _ b: String) -> Bool {
        a == b || (sameValue?(column, a, b) ?? false)
    }

    private static let comparedColumns = SheetColumn.allCases.filter { $0 != .lastSynced }
    private static let ownedColumns = SheetColumn.allCases.filter { !$0.isOfficeOwned && $0 != .lastSynced }

    public func plan(
        target: String, desired: [DesiredRow], current: SheetContents, base: [String: SyncedRow], syncedAt: String, archive: ArchiveRule? = nil
    ) -> SheetPlan {
        var plan = SheetPlan(target: target)
        plan.duplicateIDs = current.duplicateIDs
        for row in desired {
            let remembered = base[row.leadID]
            if remembered?.archived == true { continue }
            if let found = current.rows[row.leadID] {
                if let remembered {
                    merge(row, found: found, remembered: remembered, syncedAt: syncedAt, into: &plan)
                    if let archive { archive.apply(to: row.leadID, found: found, remembered: remembered, plan: &plan) }
                } else {
                    adopt(row, found: found, syncedAt: syncedAt, into: &plan)
                }
            } else if let remembered, current.exists {
                if !remembered.deletedByOffice {
                    plan.newOfficeDeletions.append(row.leadID)
                    var deleted = remembered
                    deleted.deletedByOffice = true
                    plan.stateChange.upsertRows.append(deleted)
                }
            } else {
                create(row, syncedAt: syncedAt, into: &plan)
            }
        }
        return plan
    }

    /// A row the sheet does not have yet: office-owned cells start empty, but for an appointment found on a crew calendar.
    private func create(_ row: DesiredRow, syncedAt: String, into plan: inout SheetPlan) {
        var cells = row.cells
        for column in SheetColumn.allCases where column.isOfficeOwned { cells[column] = column.isFilledFromCalendar ? row.cells.text(column) : "" }
        cells[.lastSynced] = syncedAt
        plan.creates.append(DesiredRow(leadID: row.leadID, cells: cells))
        var synced = SyncedRow(leadID: row.leadID, cells: cells, reopenedAt: row.reopenedAt, offered: row.offered)
        synced.appointmentFromCrew = row.appointmentFromCrew && !cells.text(.appointment).isEmpty
        plan.stateChange.upsertRows.append(synced)
    }

    /// A row in the sheet the state does not know (the state was lost): nothing says which of its values
    /// are Ringback's, so every cell that differs from what Ringback wants is taken as the office's and
    /// pinned; the rest is recorded as found. Nothing is written.
    private func adopt(_ row: DesiredRow, found: SheetContents.Row, syncedAt: String, into plan: inout SheetPlan) {
        plan.adopted.append(row.leadID)
        var adopted = SyncedRow(leadID: row.leadID, cells: found.cells, reopenedAt: row.reopenedAt, offered: row.offered)
        for column in Self.ownedColumns {
            guard let have = found.cells[column] else { continue }
            let want = row.cells.text(column)
            adopted.cells[column] = want
            if !same(column, have, want) {
                adopted.pins[column] = have
                plan.pins.append(.init(leadID: row.leadID, column: column, synced: want, office: have, wanted: want, isNew: true))
            }
        }
        plan.stateChange.upsertRows.append(adopted)
    }

    /// The three-way merge of one known row, column by column.
    private func merge(_ row: DesiredRow, found: SheetContents.Row, remembered: SyncedRow, syncedAt: String, into plan: inout SheetPlan) {
        var next = remembered
        next.deletedByOffice = false
        next.reopenedAt = row.reopenedAt
        next.offered = row.offered
        var changes: [SheetPlan.CellChange] = []
        for column in Self.comparedColumns {
            // A column added since the sheet was made reads as empty: it is written and its header appended.
            guard let office = found.cells[column] ?? (SheetColumn.addedLater.contains(column) ? "" : nil) else { continue }
            if column.isOfficeOwned {
                // The crew moved or removed the job on a target calendar and the office had not changed the
                // cell since: the calendar's word. Else an empty Appointment is filled from a job a person put
                // on a crew calendar; a typed one stands.
                let want = row.cells.text(column)
                if column == .appointment, let crew = row.crewAppointment, !same(column, office, crew) {
                    changes.append(.init(column: column, old: office, new: crew))
                    next.cells[column] = crew
                    next.appointmentFromCrew = row.appointmentFromCrew && !crew.isEmpty
                } else if column.isFilledFromCalendar && office.trimmingCharacters(in: .whitespaces).isEmpty && !want.isEmpty {
                    changes.append(.init(column: column, old: office, new: want))
                    next.cells[column] = want
                    next.appointmentFromCrew = row.appointmentFromCrew
                } else {
                    // The office typing over an Appointment filled from a crew calendar makes it theirs.
                    if column == .appointment && !same(column, office, remembered.cells.text(column)) { next.appointmentFromCrew = false }
                    next.cells[column] = office
                }
                continue
            }
            let synced = remembered.cells.text(column)
            let want = row.cells.text(column)
            if let pinned = remembered.pins[column] {
                if pinned != office { next.pins[column] = office }
                if want != office || pinned != office {
                    plan.pins.append(.init(leadID: row.leadID, column: column, synced: synced, office: office, wanted: want, isNew: false))
                }
            } else if !same(column, office, synced) {
                if same(column, office, want) {
                    next.cells[column] = office
                } else {
                    next.pins[column] = office
                    plan.pins.append(.init(leadID: row.leadID, column: column, synced: synced, office: office, wanted: want, isNew: true))
                }
            } else if want != synced {
                changes.append(.init(column: column, old: office, new: want))
                next.cells[column] = want
            }
        }
        if !changes.isEmpty {
            changes.append(.init(column: .lastSynced, old: found.cells.text(.lastSynced), new: syncedAt))
            next.cells[.lastSynced] = syncedAt
            plan.updates.append(.init(leadID: row.leadID, changes: changes))
        }
        if next != remembered {
            plan.stateChange.upsertRows.append(next)
        }
    }
}
