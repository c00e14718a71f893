import RingbackCore
import RingbackOffline

/// The offline Missed Calls CSV; a file that went missing is rebuilt from the state, office work included.
struct CSVSheetDriver: SheetTargetDriver {
    let target: CSVSheetTarget
    let document: CSVSheetDocument

    init(path: String, remembered: TargetState) throws {
        target = CSVSheetTarget(path: path)
        var document: CSVSheetDocument
        do {
            document = try target.load()
        } catch {
            throw SyncError.io(error.path, error.message)
        }
        if !document.exists && remembered.rows.values.contains(where: { !$0.deletedByOffice }) {
            document = .restored(from: Array(remembered.rows.values))
        }
        self.document = document
    }

    var label: String { target.path }
    var contents: SheetContents { document.contents }
    var needsWrite: Bool { !document.exists || document.restored }

    var notes: [String] {
        document.restored
            ? ["the sheet file was missing or empty: \(document.rows.count) rows restored from the last sync, with the office's edits, notes and appointments"]
            : []
    }

    func apply(_ plan: SheetPlan) throws {
        do {
            try target.apply(plan, to: document)
        } catch {
            throw SyncError.io(error.path, error.message)
        }
    }
}
