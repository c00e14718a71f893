import RingbackCore
import RingbackGoogle

/// The office's Google Sheet, read once (with any list tabs) and written in one batch.
struct GoogleSheetDriver: SheetTargetDriver {
    let target: GoogleSheetTarget
    let snapshot: GoogleSheetSnapshot

    /// A missing or emptied tab is rebuilt from the state, like the CSV file, so the office's work is not lost.
    init(target: GoogleSheetTarget, listTabs: [String], remembered: TargetState) throws {
        self.target = target
        do {
            var snapshot = try target.load(listTabs: listTabs)
            try target.validate(snapshot)
            let empty = !snapshot.exists || (snapshot.header.allSatisfy(\.isEmpty) && snapshot.rows.isEmpty)
            if empty && remembered.rows.values.contains(where: { !$0.deletedByOffice }) {
                snapshot = target.restored(snapshot, from: Array(remembered.rows.values))
            }
            self.snapshot = snapshot
        } catch {
            throw SyncError.google(error)
        }
    }

    var label: String { target.label }
    var contents: SheetContents { snapshot.contents }
    var needsWrite: Bool { !snapshot.exists || snapshot.restored }

    var notes: [String] {
        if snapshot.restored {
            return ["the tab `\(target.tab)` was missing or empty: \(snapshot.rows.count) rows restored from the last sync, with the office's edits, notes and appointments (a renamed tab is left as it is)"]
        }
        return snapshot.exists ? [] : ["the tab `\(target.tab)` is not in the spreadsheet yet: it is created with a frozen header and a Status dropdown"]
    }

    func apply(_ plan: SheetPlan) throws {
        do {
            try target.apply(plan, snapshot: snapshot)
        } catch {
            throw SyncError.google(error)
        }
    }
}
