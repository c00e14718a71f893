import Foundation

// Interim A1 helpers until the REST client's A1 lands; same names.
public enum A1 {
    public static func quoted(sheet: String) -> String {
        let plain = sheet.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        let looksLikeCell = sheet.first?.isLetter == true && sheet.last?.isNumber == true
        if plain && !looksLikeCell && sheet.first?.isNumber != true { return sheet }
        return "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
    }

    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var out = ""
        while n > 0 {
            let r = (n - 1) % 26
            out = String(UnicodeScalar(UInt8(65 + r))) + out
            n = (n - 1) / 26
        }
        return out
    }

    public static func range(sheet: String, row: Int, column: Int, rows: Int = 1, columns: Int = 1) -> String {
        let start = "\(columnLetters(column))\(row)"
        if rows == 1 && columns == 1 { return "\(quoted(sheet: sheet))!\(start)" }
        return "\(quoted(sheet: sheet))!\(start):\(columnLetters(column + columns - 1))\(row + rows - 1)"
    }
}

public struct A1Range: Sendable, Hashable {
    public var sheet: String
    public var startRow: Int
    public var startColumn: Int
    public var endRow: Int?
    public var endColumn: Int?

    public static func parse(_ text: String) -> A1Range? {
        guard let bang = text.lastIndex(of: "!") else { return nil }
        var sheet = String(text[..<bang])
        if sheet.hasPrefix("'") && sheet.hasSuffix("'") && sheet.count >= 2 {
            sheet = String(sheet.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        let cells = text[text.index(after: bang)...].split(separator: ":").map(String.init)
        func cell(_ s: String) -> (Int?, Int?) {
            let letters = s.prefix { $0.isLetter }
            let digits = s.dropFirst(letters.count)
            var column: Int?
            if !letters.isEmpty {
                var n = 0
                for c in letters.uppercased().unicodeScalars { n = n * 26 + Int(c.value) - 64 }
                column = n - 1
            }
            return (column, Int(digits))
        }
        guard let first = cells.first else { return nil }
        let (c1, r1) = cell(first)
        var range = A1Range(sheet: sheet, startRow: r1 ?? 1, startColumn: c1 ?? 0)
        if cells.count > 1 {
            let (c2, r2) = cell(cells[1])
            range.endRow = r2
            range.endColumn = c2
        } else {
            range.endRow = r1
            range.endColumn = c1
        }
        return range
    }
}
