import RingbackCore

/// The offline "Missed Calls" sheet: a CSV file the office opens and edits in Excel or LibreOffice.
package struct CSVSheetTarget: Sendable {
    package let path: String
    /// What the state knows this sheet by: its path relative to the configuration's folder, so a moved
    /// or restored folder keeps its state.
    package let label: String
    /// Where closed leads' rows go when they leave the live sheet.
    package let archivePath: String
    /// Phone numbers shown `(512) 555-0142` rather than `'+15125550142` (see `CSVPhoneCell`).
    package var nationalPhones = false

    package init(path: String, label: String? = nil, archivePath: String? = nil) {
        self.path = path
        self.label = label ?? path
        self.archivePath = archivePath ?? Self.defaultArchivePath(for: path)
    }

    /// `out/missed-calls.csv` → `out/missed-calls-archive.csv`.
    static func defaultArchivePath(for path: String) -> String {
        path.hasSuffix(".csv") ? String(path.dropLast(4)) + "-archive.csv" : path + "-archive.csv"
    }

    package func load() throws(OfflineTargetError) -> CSVSheetDocument {
        guard let bytes = try AtomicFile.read(path), !bytes.isEmpty else {
            var empty = CSVSheetDocument.empty()
            empty.nationalPhones = nationalPhones
            return empty
        }
        return try CSVSheetDocument.parse(bytes, path: path, nationalPhones: nationalPhones)
    }

    /// Appends rows to the archive CSV (made with Ringback's header the first time), as
    /// `SheetPlan.archiving` says.
    func appendToArchive(_ rows: [DesiredRow]) throws(OfflineTargetError) {
        var archive = CSVSheetTarget(path: archivePath)
        archive.nationalPhones = nationalPhones
        var document = try archive.load()
        let plan = SheetPlan.archiving(rows, into: document.contents, target: archivePath)
        document.apply(plan)
        try AtomicFile.write(document.bytes(), to: archivePath)
    }
}

extension CSVSheetTarget: SheetTarget {
    /// Releases before relative labels knew the sheet by its absolute path.
    package var formerLabels: [String] { label == path ? [] : [path] }

    package func open(remembered: TargetState) throws -> any OpenSheet {
        var document = try load()
        if !document.exists && remembered.rows.values.contains(where: \.belongsInLiveSheet) {
            document = .restored(from: Array(remembered.rows.values))
            document.nationalPhones = nationalPhones
        }
        let target = self
        return SheetFileOpenSheet(
            path: path, document: document, rememberedIDs: Set(remembered.rows.keys), fileName: "the sheet file",
            appendToArchive: { rows throws(OfflineTargetError) in try target.appendToArchive(rows) })
    }
}
