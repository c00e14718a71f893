import RingbackCore

/// The offline "Missed Calls" sheet: a CSV file the office opens and edits in Excel or LibreOffice.
package struct CSVSheetTarget: Sendable {
    package let path: String
    /// What the state knows this sheet by: its path relative to the configuration's folder, so a moved
    /// or restored folder keeps its state.
    package let label: String

    package init(path: String, label: String? = nil) {
        self.path = path
        self.label = label ?? path
    }

    package func load() throws(OfflineTargetError) -> CSVSheetDocument {
        guard let bytes = try AtomicFile.read(path), !bytes.isEmpty else { return .empty() }
        return try CSVSheetDocument.parse(bytes, path: path)
    }

    /// Writes the plan's changes into the document as loaded and replaces the file atomically.
    package func apply(_ plan: SheetPlan, to document: CSVSheetDocument) throws(OfflineTargetError) {
        guard plan.writesTarget || !document.exists || document.restored else { return }
        var updated = document
        updated.apply(plan)
        try AtomicFile.write(updated.bytes(), to: path)
    }
}
