/// A range as Sheets returns it (`'Missed Calls'!A1:T1000`, `Sheet1!B1`, `'It''s'!A1:C`), taken apart so
/// a reply can be matched to the rows and columns that were asked for. Rows are 1-based, columns 0-based.
package struct A1Range: Sendable, Hashable {
    /// The sheet name, unquoted; empty when the text named no sheet.
    package var sheet: String
    package var startRow: Int
    package var startColumn: Int
    /// nil when the range runs to the end of the sheet's rows (`A1:T`, `A:A`).
    package var endRow: Int?
    /// nil when the range runs to the last column (`1:5`).
    package var endColumn: Int?

    package init(sheet: String, startRow: Int, startColumn: Int, endRow: Int? = nil, endColumn: Int? = nil) {
        self.sheet = sheet
        self.startRow = startRow
        self.startColumn = startColumn
        self.endRow = endRow
        self.endColumn = endColumn
    }

    /// nil when the text is not A1 notation.
    package static func parse(_ text: String) -> A1Range? {
        let (sheet, cells) = splitSheet(text)
        guard let sheet else { return nil }
        guard let cells, !cells.isEmpty else { return A1Range(sheet: sheet, startRow: 1, startColumn: 0) }
        let ends = cells.split(separator: ":", omittingEmptySubsequences: false)
        guard ends.count <= 2, let start = Reference(ends[0]) else { return nil }
        guard ends.count == 2 else {
            guard let row = start.row, let column = start.column else { return nil }
            return A1Range(sheet: sheet, startRow: row, startColumn: column, endRow: row, endColumn: column)
        }
        guard let end = Reference(ends[1]) else { return nil }
        return A1Range(
            sheet: sheet, startRow: start.row ?? 1, startColumn: start.column ?? 0,
            endRow: end.row, endColumn: end.column)
    }

    /// The range back in A1 notation, its sheet quoted when needed.
    package var a1: String {
        let start = A1.columnLetters(startColumn) + String(startRow)
        var end = ""
        if endRow != startRow || endColumn != startColumn {
            end = ":" + (endColumn.map(A1.columnLetters) ?? "") + (endRow.map(String.init) ?? "")
        }
        return (sheet.isEmpty ? "" : A1.quoted(sheet: sheet) + "!") + start + end
    }

    /// (name, cells): a quoted name undoubled, a plain name, or none; nil name when the quoting is broken.
    private static func splitSheet(_ text: String) -> (String?, Substring?) {
        if text.hasPrefix("'") {
            var name = ""
            var index = text.index(after: text.startIndex)
            while index < text.endIndex {
                let character = text[index]
                index = text.index(after: index)
                if character == "'" {
                    if index < text.endIndex && text[index] == "'" {
                        name.append("'")
                        index = text.index(after: index)
                        continue
                    }
                    if index == text.endIndex { return (name, nil) }
                    guard text[index] == "!" else { return (nil, nil) }
                    return (name, text[text.index(after: index)...])
                }
                name.append(character)
            }
            return (nil, nil)
        }
        if let bang = text.lastIndex(of: "!") {
            return (String(text[..<bang]), text[text.index(after: bang)...])
        }
        if Reference(Substring(text.split(separator: ":").first ?? "")) != nil { return ("", Substring(text)) }
        return (text, nil)
    }

    /// One end of a range: `B5`, `B`, `5`.
    private struct Reference {
        var column: Int?
        var row: Int?

        init?(_ text: Substring) {
            let text = text.replacingOccurrences(of: "$", with: "")
            let digitsStart = text.firstIndex(where: \.isNumber) ?? text.endIndex
            let letters = text[..<digitsStart], digits = text[digitsStart...]
            guard !text.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
            if !letters.isEmpty {
                guard let column = A1.columnIndex(letters) else { return nil }
                self.column = column
            }
            if !digits.isEmpty {
                guard let row = Int(digits), row >= 1 else { return nil }
                self.row = row
            }
        }
    }
}
