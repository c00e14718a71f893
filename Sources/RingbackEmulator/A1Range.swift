/// A range in A1 notation as a client writes it (`'My tab'!A1:C`, `A:A`, `Sheet1`), before it meets a grid.
struct A1Range: Equatable {
    /// nil: the first visible sheet.
    var sheetName: String?
    var startRow: Int?
    var startColumn: Int?
    /// Inclusive; nil means unbounded (to the grid's edge).
    var endRow: Int?
    var endColumn: Int?

    static func wholeSheet(_ name: String?) -> A1Range { A1Range(sheetName: name) }

    /// Parses `text`; a bare word that is not a cell reference names a sheet. Returns nil when not A1 notation.
    static func parse(_ text: String) -> A1Range? {
        if text.hasPrefix("'") {
            var name = ""
            var index = text.index(after: text.startIndex)
            var closed = false
            while index < text.endIndex {
                let ch = text[index]
                if ch == "'" {
                    let next = text.index(after: index)
                    if next < text.endIndex, text[next] == "'" {
                        name.append("'")
                        index = text.index(after: next)
                        continue
                    }
                    closed = true
                    index = next
                    break
                }
                name.append(ch)
                index = text.index(after: index)
            }
            guard closed, !name.isEmpty else { return nil }
            let rest = text[index...]
            if rest.isEmpty { return .wholeSheet(name) }
            guard rest.first == "!" else { return nil }
            guard var cells = parseCells(String(rest.dropFirst())) else { return nil }
            cells.sheetName = name
            return cells
        }
        if let bang = text.lastIndex(of: "!") {
            let name = String(text[..<bang])
            guard !name.isEmpty, var cells = parseCells(String(text[text.index(after: bang)...])) else { return nil }
            cells.sheetName = name
            return cells
        }
        if let cells = parseCells(text) { return cells }
        return text.isEmpty ? nil : .wholeSheet(text)
    }

    private static func parseEndpoint(_ text: Substring) -> (column: Int?, row: Int?)? {
        var letters = 0
        var column = 0
        var index = text.startIndex
        while index < text.endIndex, let ascii = text[index].asciiValue, (65...90).contains(ascii & ~0x20) {
            column = column * 26 + Int((ascii & ~0x20) - 64)
            letters += 1
            index = text.index(after: index)
        }
        let digits = text[index...]
        guard letters <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        guard letters > 0 || !digits.isEmpty else { return nil }
        var row: Int?
        if !digits.isEmpty {
            guard digits.count <= 8, let number = Int(digits), number >= 1 else { return nil }
            row = number - 1
        }
        return (letters > 0 ? column - 1 : nil, row)
    }

    /// The part after `!`: `A1`, `A1:C`, `A:A`, `1:2`.
    static func parseCells(_ text: String) -> A1Range? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 1 {
            guard let cell = parseEndpoint(parts[0]), let column = cell.column, let row = cell.row else { return nil }
            return A1Range(sheetName: nil, startRow: row, startColumn: column, endRow: row, endColumn: column)
        }
        guard parts.count == 2, let start = parseEndpoint(parts[0]), let end = parseEndpoint(parts[1]) else { return nil }
        // A column-only start pairs with a column-only end, a row-only start with a row-only end.
        if start.row == nil && end.column == nil { return nil }
        if start.column == nil && end.row == nil { return nil }
        var range = A1Range(
            sheetName: nil, startRow: start.row ?? 0, startColumn: start.column ?? 0,
            endRow: end.row, endColumn: end.column)
        if let endRow = range.endRow, let startRow = range.startRow, endRow < startRow {
            range.startRow = endRow
            range.endRow = startRow
        }
        if let endColumn = range.endColumn, let startColumn = range.startColumn, endColumn < startColumn {
            range.startColumn = endColumn
            range.endColumn = startColumn
        }
        return range
    }
}

/// A rectangle of a grid, 0-based, end exclusive.
struct GridRect: Equatable {
    var startRow: Int
    var endRow: Int
    var startColumn: Int
    var endColumn: Int
    var rowCount: Int { endRow - startRow }
    var columnCount: Int { endColumn - startColumn }
}

/// How Google writes ranges back: sheet names quoted only when needed, single cells as `B1`.
enum A1Notation {
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let rem = (n - 1) % 26
            letters.append(Character(UnicodeScalar(UInt8(65 + rem))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    static func cell(row: Int, column: Int) -> String { "\(columnLetters(column))\(row + 1)" }

    static func needsQuotes(_ title: String) -> Bool {
        guard let first = title.unicodeScalars.first else { return true }
        let simple = title.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        if !simple || ("0"..."9").contains(first) { return true }
        if A1Range.parseCells(title) != nil { return true }
        let upper = title.uppercased()
        if upper.hasPrefix("R"), upper.dropFirst().contains("C"),
            upper.allSatisfy({ $0 == "R" || $0 == "C" || $0.isNumber })
        {
            return true
        }
        if upper == "TRUE" || upper == "FALSE" { return true }
        return false
    }

    static func quotedTitle(_ title: String, always: Bool = false) -> String {
        always || needsQuotes(title) ? "'" + title.replacingOccurrences(of: "'", with: "''") + "'" : title
    }

    static func format(title: String, _ rect: GridRect, alwaysQuote: Bool = false) -> String {
        let start = cell(row: rect.startRow, column: rect.startColumn)
        let sheet = quotedTitle(title, always: alwaysQuote)
        if rect.rowCount == 1 && rect.columnCount == 1 { return "\(sheet)!\(start)" }
        return "\(sheet)!\(start):\(cell(row: rect.endRow - 1, column: rect.endColumn - 1))"
    }
}
