import RingbackJSON

/// One tab of an emulated spreadsheet: properties and cells. Rows past the last stored one, and cells past a row's end, are blank.
struct SheetGrid: Equatable {
    var properties: SheetProperties
    var rows: [[StoredCell]] = []
    var dimensionExtras: [String: JSONValue] = [:]
    /// Conditional formats, filter views and charts on the tab.
    var decorations = SheetDecorations()

    var title: String { properties.title }
    var fullRect: GridRect { GridRect(startRow: 0, endRow: properties.rowCount, startColumn: 0, endColumn: properties.columnCount) }

    func cell(_ row: Int, _ column: Int) -> StoredCell {
        guard row < rows.count, column < rows[row].count else { return .blank }
        return rows[row][column]
    }

    mutating func update(_ row: Int, _ column: Int, _ change: (inout StoredCell) -> Void) {
        if row >= rows.count {
            var probe = StoredCell.blank
            change(&probe)
            if probe.isBlank { return }
            rows.append(contentsOf: Array(repeating: [], count: row + 1 - rows.count))
        }
        if column >= rows[row].count {
            var probe = StoredCell.blank
            change(&probe)
            if probe.isBlank { return }
            rows[row].append(contentsOf: Array(repeating: .blank, count: column + 1 - rows[row].count))
        }
        change(&rows[row][column])
    }

    mutating func insertRows(at index: Int, count: Int) {
        if index < rows.count { rows.insert(contentsOf: Array(repeating: [], count: count), at: index) }
        properties.rowCount += count
    }

    mutating func deleteRows(_ range: Range<Int>) {
        let stored = range.clamped(to: 0..<rows.count)
        if !stored.isEmpty { rows.removeSubrange(stored) }
        properties.rowCount -= range.count
        properties.frozenRowCount = min(properties.frozenRowCount, properties.rowCount)
    }

    mutating func insertColumns(at index: Int, count: Int) {
        for r in rows.indices where index < rows[r].count {
            rows[r].insert(contentsOf: Array(repeating: .blank, count: count), at: index)
        }
        properties.columnCount += count
    }

    mutating func deleteColumns(_ range: Range<Int>) {
        for r in rows.indices {
            let stored = range.clamped(to: 0..<rows[r].count)
            if !stored.isEmpty { rows[r].removeSubrange(stored) }
        }
        properties.columnCount -= range.count
        properties.frozenColumnCount = min(properties.frozenColumnCount, properties.columnCount)
    }

    /// Drops stored cells outside the grid after it shrank.
    mutating func trimToGrid() {
        if rows.count > properties.rowCount { rows.removeSubrange(properties.rowCount...) }
        for r in rows.indices where rows[r].count > properties.columnCount {
            rows[r].removeSubrange(properties.columnCount...)
        }
    }

    mutating func clearValues(_ rect: GridRect) {
        for r in rect.startRow..<max(rect.startRow, min(rect.endRow, rows.count)) {
            for c in rect.startColumn..<max(rect.startColumn, min(rect.endColumn, rows[r].count)) {
                rows[r][c].content = .empty
            }
        }
    }
}

extension SheetGrid {
    /// Sorts whole rows the way Sheets does: numbers before text before booleans, blanks always last.
    mutating func sort(rows span: Range<Int>, by specs: [(column: Int, descending: Bool)]) {
        let stored = span.clamped(to: 0..<max(rows.count, span.upperBound))
        if rows.count < stored.upperBound { rows.append(contentsOf: Array(repeating: [], count: stored.upperBound - rows.count)) }
        let sheet = self
        func key(_ row: [StoredCell], _ column: Int) -> (rank: Int, number: Double, text: String) {
            let cell = column < row.count ? row[column] : .blank
            switch cell.content {
            case .empty: return (3, 0, "")
            case .number(let n): return (0, n, "")
            case .text(let t): return (1, 0, t.lowercased())
            case .bool(let b): return (2, b ? 1 : 0, "")
            case .formula(let f):
                switch FormulaEvaluator(sheet: sheet).evaluate(f) {
                case .number(let n): return (0, n, "")
                case .text(let t): return (1, 0, t.lowercased())
                case .bool(let b): return (2, b ? 1 : 0, "")
                case .error(let e): return (1, 0, e)
                }
            }
        }
        let sorted = rows[stored].enumerated().sorted { a, b in
            for spec in specs {
                let x = key(a.element, spec.column), y = key(b.element, spec.column)
                if x.rank == 3 || y.rank == 3 {
                    if x.rank != y.rank { return x.rank < y.rank }
                    continue
                }
                if x.rank != y.rank { return spec.descending ? x.rank > y.rank : x.rank < y.rank }
                if x.number != y.number { return spec.descending ? x.number > y.number : x.number < y.number }
                if x.text != y.text { return spec.descending ? x.text > y.text : x.text < y.text }
            }
            return a.offset < b.offset
        }.map(\.element)
        rows.replaceSubrange(stored, with: sorted)
        while let last = rows.last, last.allSatisfy(\.isBlank) { rows.removeLast() }
    }
}
