import Foundation
import RingbackCore

/// A Missed Calls sheet held in memory, laid out as a grid like the CSV file and the Google tab, so
/// tests can type into it, sort it and delete rows as the office would.
package final class InMemorySheet: SheetTarget, @unchecked Sendable {
    fileprivate let lock = NSLock()
    private var grid: SheetGrid?
    fileprivate var recorded: [RunReport] = []
    /// List tabs the sheet holds, header first.
    package var listTabs: [ListKind: [[String]]] = [:]
    /// How many times the sheet was written.
    package private(set) var writes = 0
    /// Set to make the next write fail, as a target that went away mid-run would.
    package var failNextWrite: (any Error & Sendable)?

    package let label: String

    package init(label: String = "memory-sheet") {
        self.label = label
    }

    /// The runs recorded in the sheet's status tab, oldest first.
    package var reports: [RunReport] { lock.withLock { recorded } }

    /// The grid as it is now; nil before the first write.
    package var current: SheetGrid? { lock.withLock { grid } }

    /// Rows by Lead ID, as the office reads them.
    package func row(_ leadID: String) -> SheetCells? {
        lock.withLock { grid?.contents.rows[leadID]?.cells }
    }

    /// Changes the grid as the office would (types a cell, sorts, deletes a row, adds a column).
    package func edit(_ change: (inout [String], inout [[String]]) -> Void) {
        lock.withLock {
            var header = grid?.header ?? SheetColumn.header
            var rows = grid?.rows ?? []
            change(&header, &rows)
            grid = SheetGrid(header: header, rows: rows)
        }
    }

    /// Types `value` into one of Ringback's columns of a lead's row.
    package func type(_ value: String, lead: String, column: SheetColumn) {
        edit { header, rows in
            let layout = SheetLayout(header: header)
            guard let key = layout[.leadID], let position = layout[column],
                let index = rows.firstIndex(where: { $0.count > key && $0[key] == lead })
            else { return }
            while rows[index].count <= position { rows[index].append("") }
            rows[index][position] = value
        }
    }

    package func open(remembered: TargetState) throws -> any OpenSheet {
        lock.withLock {
            var opened = grid
            var restored = false
            if opened == nil && remembered.rows.values.contains(where: { !$0.deletedByOffice }) {
                opened = .restored(from: Array(remembered.rows.values))
                restored = true
            }
            let tables = listTabs.mapValues { ContactListTable(source: "memory list", grid: $0) }
            return Opened(sheet: self, grid: opened, restored: restored, lists: tables)
        }
    }

    fileprivate func store(_ grid: SheetGrid) throws {
        try lock.withLock {
            if let failure = failNextWrite {
                failNextWrite = nil
                throw failure
            }
            self.grid = grid
            writes += 1
        }
    }

    private struct Opened: OpenSheet {
        let sheet: InMemorySheet
        let grid: SheetGrid?
        let restored: Bool
        let lists: [ListKind: ContactListTable]

        var contents: SheetContents { grid?.contents ?? .missing }
        var notes: [String] { restored ? ["restored from the state"] : [] }
        var needsWrite: Bool { grid == nil || restored }

        func record(_ report: RunReport) throws {
            sheet.lock.withLock { sheet.recorded.append(report) }
        }

        func apply(_ plan: SheetPlan) throws {
            guard plan.writesTarget || needsWrite else { return }
            var next = grid ?? .new
            next.apply(plan)
            try sheet.store(next)
        }
    }
}
