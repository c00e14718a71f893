import RingbackCore

/// The office's Google Sheet as opened for one run: read once (with any list tabs), written in one batch.
struct GoogleOpenSheet: OpenSheet {
    let target: GoogleSheetTarget
    let snapshot: GoogleSheetSnapshot

    var contents: SheetContents { snapshot.contents }
    var needsWrite: Bool { !snapshot.exists || snapshot.restored }

    var lists: [ListKind: ContactListTable] {
        var tables: [ListKind: ContactListTable] = [:]
        for (kind, tab) in target.listTabs {
            tables[kind] = ContactListTable(source: "tab `\(tab)`", grid: snapshot.lists[tab] ?? [])
        }
        return tables
    }

    var notes: [String] {
        if snapshot.restored {
            return [
                "the tab `\(target.tab)` was missing or empty: \(snapshot.rows.count) rows restored from the last sync, with the office's edits, notes and appointments (a renamed tab is left as it is)"
            ]
        }
        return snapshot.exists
            ? [] : ["the tab `\(target.tab)` is not in the spreadsheet yet: it is created with a frozen header and a Status dropdown"]
    }

    func apply(_ plan: SheetPlan) throws {
        try target.apply(plan, snapshot: snapshot)
    }

    func record(_ report: RunReport) throws {
        try target.record(report)
    }
}

extension GoogleSheetTarget: SheetTarget {
    /// A missing or emptied tab is rebuilt from the state, like the CSV file, so the office's work is not lost.
    package func open(remembered: TargetState) throws -> any OpenSheet {
        var snapshot = try load(listTabs: listTabs.values.sorted())
        try validate(snapshot)
        let empty = !snapshot.exists || (snapshot.header.allSatisfy(\.isEmpty) && snapshot.rows.isEmpty)
        if empty && remembered.rows.values.contains(where: \.belongsInLiveSheet) {
            snapshot = restored(snapshot, from: Array(remembered.rows.values))
        } else {
            snapshot = uncut(snapshot, remembered: remembered)
        }
        return GoogleOpenSheet(target: self, snapshot: snapshot)
    }
}
