/// A1 notation as Sheets writes it: sheet names quoted only when needed, column letters, and ranges from
/// 1-based rows and 0-based columns.
package enum A1 {
    /// `Sheet1`, `'Missed Calls'`, `'A1'`, `'It''s'`: quoted unless the name is plain letters, digits and
    /// underscores that cannot be read as a cell (`D3`) or an R1C1 reference (`R1C1`).
    package static func quoted(sheet: String) -> String {
        needsQuotes(sheet) ? "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'" : sheet
    }

    /// 0 → `A`, 25 → `Z`, 26 → `AA`, 701 → `ZZ`, 702 → `AAA`.
    package static func columnLetters(_ index: Int) -> String {
        var remaining = max(index, 0) + 1
        var letters: [Character] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }

    /// The 0-based column index of `A` … `ZZZ` (the most columns a sheet can have); nil for anything else.
    package static func columnIndex(_ letters: some StringProtocol) -> Int? {
        guard !letters.isEmpty, letters.count <= 3 else { return nil }
        var value = 0
        for scalar in letters.unicodeScalars {
            let upper = scalar.value >= 97 ? scalar.value - 32 : scalar.value
            guard (65...90).contains(upper) else { return nil }
            value = value * 26 + Int(upper - 64)
        }
        return value - 1
    }

    /// `'Missed Calls'!B5:D5` for `row` 5 (1-based), `column` 1 (0-based), 1 row, 3 columns; a single cell is `Sheet1!B1`.
    package static func range(sheet: String, row: Int, column: Int, rows: Int = 1, columns: Int = 1) -> String {
        let start = columnLetters(column) + String(row)
        let prefix = quoted(sheet: sheet) + "!"
        if rows <= 1 && columns <= 1 { return prefix + start }
        return prefix + start + ":" + columnLetters(column + max(columns, 1) - 1) + String(row + max(rows, 1) - 1)
    }

    static func needsQuotes(_ name: String) -> Bool {
        guard !name.isEmpty else { return true }
        let plain = name.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        guard plain else { return true }
        return name.first!.isNumber || looksLikeCell(name) || looksLikeR1C1(name)
    }

    private static func looksLikeCell(_ name: String) -> Bool {
        guard let firstDigit = name.firstIndex(where: \.isNumber) else { return false }
        let letters = name[..<firstDigit], digits = name[firstDigit...]
        return columnIndex(letters) != nil && digits.allSatisfy(\.isNumber)
    }

    private static func looksLikeR1C1(_ name: String) -> Bool {
        let upper = name.uppercased()
        guard upper.hasPrefix("R"), let c = upper.dropFirst().firstIndex(of: "C") else { return false }
        return upper[upper.index(after: upper.startIndex)..<c].allSatisfy(\.isNumber)
            && upper[upper.index(after: c)...].allSatisfy(\.isNumber)
    }
}
