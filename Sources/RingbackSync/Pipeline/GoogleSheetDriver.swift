import RingbackCore
import RingbackGoogle

/// The office's Google Sheet, read once (with any list tabs) and written in one batch.
struct GoogleSheetDriver: SheetTargetDriver {
    let target: GoogleSheetTarget
    let snapshot: GoogleSheetSnapshot

    init(target: GoogleSheetTarget, listTabs: [String]) throws {
        self.target = target
        do {
            let snapshot = try target.load(listTabs: listTabs)
            try target.validate(snapshot)
            self.snapshot = snapshot
        } catch {
            throw SyncError.google(error)
        }
    }

    var label: String { target.label }
    var contents: SheetContents { snapshot.contents }
    var needsWrite: Bool { !snapshot.exists }

    var notes: [String] {
        snapshot.exists ? [] : ["the tab `\(target.tab)` is not in the spreadsheet yet: it is created with a frozen header and a Status dropdown"]
    }

    func apply(_ plan: SheetPlan) throws {
        do {
            try target.apply(plan, snapshot: snapshot)
        } catch {
            throw SyncError.google(error)
        }
    }
}
