import RingbackCore

/// A sheet file as opened for one run, whatever its format; a file that went missing is rebuilt from
/// the state, office work included.
package struct SheetFileOpenSheet<Document: SheetFile>: OpenSheet {
    package let path: String
    package let document: Document
    /// Lead IDs the last run left in the state: with this run's new and adopted rows, the rows the
    /// morning order may move.
    package let rememberedIDs: Set<String>
    /// What the office calls the file, for the note when it was restored ("the sheet file", "the workbook").
    package let fileName: String
    /// Appends closed leads' rows to the archive beside the file.
    package let appendToArchive: @Sendable ([DesiredRow]) throws(OfflineTargetError) -> Void

    package init(
        path: String, document: Document, rememberedIDs: Set<String>, fileName: String,
        appendToArchive: @escaping @Sendable ([DesiredRow]) throws(OfflineTargetError) -> Void
    ) {
        self.path = path
        self.document = document
        self.rememberedIDs = rememberedIDs
        self.fileName = fileName
        self.appendToArchive = appendToArchive
    }

    package var contents: SheetContents { document.contents }
    package var lists: [ListKind: ContactListTable] { [:] }
    package var needsWrite: Bool { !document.exists || document.restored }

    package var notes: [String] {
        document.restored
            ? [
                "\(fileName) was missing or empty: \(document.rows.count) rows restored from the last sync, with the office's edits, notes and appointments"
            ]
            : []
    }

    /// Writes the plan's changes into the file as loaded, puts Ringback's rows in the morning order,
    /// and replaces the file atomically; closed leads leaving the sheet are appended to the archive first.
    package func apply(_ plan: SheetPlan) throws {
        guard plan.writesTarget || !document.exists || document.restored else { return }
        if !plan.archives.isEmpty { try appendToArchive(plan.archives) }
        var updated = document
        updated.apply(plan)
        let known = rememberedIDs.union(plan.creates.map(\.leadID)).union(plan.stateChange.upsertRows.map(\.leadID))
        MorningOrder(leadIDs: known).order(&updated.grid)
        try AtomicFile.write(try updated.bytes(path: path), to: path)
    }

    /// A file has no tabs: offline, the status file (`status:`) and the rejects file are the status tab
    /// and the rejected records.
    package func record(_ report: RunReport) throws {}
}
