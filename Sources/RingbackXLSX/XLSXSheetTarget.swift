import RingbackCore
import RingbackOffline

/// The offline "Missed Calls" sheet as an Excel workbook (.xlsx), for an office whose Excel or LibreOffice
/// should show phone numbers and times exactly as Ringback wrote them: every cell is a text cell.
package struct XLSXSheetTarget: Sendable {
    package let path: String
    /// What the state knows this sheet by: its path relative to the configuration's folder.
    package let label: String
    /// Where closed leads' rows go when they leave the live sheet: a workbook of the same form.
    package let archivePath: String

    package init(path: String, label: String? = nil, archivePath: String? = nil) {
        self.path = path
        self.label = label ?? path
        self.archivePath = archivePath ?? Self.defaultArchivePath(for: path)
    }

    /// `out/missed-calls.xlsx` → `out/missed-calls-archive.xlsx`.
    static func defaultArchivePath(for path: String) -> String {
        path.hasSuffix(".xlsx") ? String(path.dropLast(5)) + "-archive.xlsx" : path + "-archive.xlsx"
    }

    package func load() throws(OfflineTargetError) -> XLSXSheetDocument {
        guard let bytes = try AtomicFile.read(path), !bytes.isEmpty else { return .empty() }
        return try XLSXSheetDocument.parse(bytes, path: path)
    }

    /// Appends rows to the archive workbook (made with Ringback's header the first time), as
    /// `SheetPlan.archiving` says.
    func appendToArchive(_ rows: [DesiredRow]) throws(OfflineTargetError) {
        var document = try XLSXSheetTarget(path: archivePath).load()
        document.apply(SheetPlan.archiving(rows, into: document.contents, target: archivePath))
        try AtomicFile.write(try document.bytes(path: archivePath), to: archivePath)
    }
}

extension XLSXSheetTarget: SheetTarget {
    package func open(remembered: TargetState) throws -> any OpenSheet {
        var document = try load()
        if !document.exists && remembered.rows.values.contains(where: \.belongsInLiveSheet) {
            document = .restored(from: Array(remembered.rows.values))
        }
        let target = self
        return SheetFileOpenSheet(
            path: path, document: document, rememberedIDs: Set(remembered.rows.keys), fileName: "the workbook",
            appendToArchive: { rows throws(OfflineTargetError) in try target.appendToArchive(rows) })
    }
}
