import RingbackCore
import RingbackOffline

/// The Missed Calls workbook as opened for one run; a file that went missing is rebuilt from the state,
/// office work included.
struct XLSXOpenSheet: OpenSheet {
    let target: XLSXSheetTarget
    let document: XLSXSheetDocument
    /// Lead IDs the last run left in the state: with this run's new and adopted rows, the rows the
    /// morning order may move.
    let rememberedIDs: Set<String>

    var contents: SheetContents { document.contents }
    var lists: [ListKind: ContactListTable] { [:] }
    var needsWrite: Bool { !document.exists || document.restored }

    var notes: [String] {
        document.restored
            ? [
                "the workbook was missing or empty: \(document.rows.count) rows restored from the last sync, with the office's edits, notes and appointments"
            ]
            : []
    }

    /// Writes the plan's changes into the sheet as loaded, puts Ringback's rows in the morning order,
    /// and replaces the file atomically; closed leads leaving the sheet are appended to the archive first.
    func apply(_ plan: SheetPlan) throws {
        guard plan.writesTarget || !document.exists || document.restored else { return }
        if !plan.archives.isEmpty { try target.appendToArchive(plan.archives) }
        var updated = document
        updated.apply(plan)
        let known = rememberedIDs.union(plan.creates.map(\.leadID)).union(plan.stateChange.upsertRows.map(\.leadID))
        MorningOrder(leadIDs: known).order(&updated.grid)
        try AtomicFile.write(try updated.bytes(path: target.path), to: target.path)
    }

    /// A workbook written by Ringback has one sheet: offline, the status file (`status:`) and the rejects
    /// file are the status tab and the rejected records.
    func record(_ report: RunReport) throws {}
}

extension XLSXSheetTarget: SheetTarget {
    package func open(remembered: TargetState) throws -> any OpenSheet {
        var document = try load()
        if !document.exists && remembered.rows.values.contains(where: \.belongsInLiveSheet) {
            document = .restored(from: Array(remembered.rows.values))
        }
        return XLSXOpenSheet(target: self, document: document, rememberedIDs: Set(remembered.rows.keys))
    }
}
