/// Keeps a cell from being run as a formula, or silently turned into a number,
/// when the office opens a CSV we wrote in Excel or LibreOffice, while a phone
/// number such as `+15125550100` still shows its `+`.
///
/// A risky cell gets a leading apostrophe (the OWASP advice for CSV injection); a
/// value that itself starts with an apostrophe gets one more, so `unprotect`
/// always gives back the exact original. Meant for text columns: a duration or
/// price that should stay a summable number is written without it.
///
/// Measured with LibreOffice 7.4.7 headless CSV import (csv to fods, and to csv):
/// - Default import (no filter options, as a double-click gets): `=1+2` became the
///   formula `=1+2` showing 3, `=HYPERLINK("http://x","y")` became a live link
///   showing `y`, `+15125550100` became the number 15125550100 (the `+` lost) and
///   `00123` became 123. `-2+3` and `@SUM(1+1)` stayed text.
/// - Filter token 13 "Evaluate formulas" (`false`) is the only switch that stops
///   evaluation; token 7 "Quoted field as text" only protects quoted cells and
///   token 8 "Detect special numbers" did not keep the `+` of a phone number.
/// - With an apostrophe prefix every one of those cells stayed a text cell in every
///   option combination, showing the apostrophe: `'=1+2`, `'+15125550100`.
/// - A leading space did not help: `' +15125550100'` still became a number, and
///   with token 11 "Trim spaces" on, `' =1+2'` was evaluated to 3.
public enum SpreadsheetText: Sendable {
    /// The cell text to write for `value`.
    public static func protect(_ value: String) -> String {
        needsPrefix(value) ? "'" + value : value
    }

    /// The original value of a cell written by `protect`, or read back after the
    /// office edited and re-saved the sheet.
    public static func unprotect(_ cell: String) -> String {
        cell.utf8.first == UInt8(ascii: "'") ? String(cell.dropFirst()) : cell
    }

    /// Whether a spreadsheet could evaluate or convert `value` if written as is.
    public static func isRisky(_ value: String) -> Bool {
        let scalars = value.unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " }) else { return false }
        if formulaTriggers.contains(scalars[start]) { return true }
        return looksLikeMangledNumber(value.utf8)
    }

    private static func needsPrefix(_ value: String) -> Bool {
        value.utf8.first == UInt8(ascii: "'") || isRisky(value)
    }

    /// Digit strings a spreadsheet turns into numbers and so changes: leading zeros
    /// are dropped, and digits past the 15th are lost to floating point.
    private static func looksLikeMangledNumber(_ utf8: String.UTF8View) -> Bool {
        guard utf8.count >= 2, utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return false
        }
        return utf8.first == UInt8(ascii: "0") || utf8.count > 15
    }

    private static let formulaTriggers: Set<Unicode.Scalar> = [
        "=", "+", "-", "@", "\t", "\r", "\n",
        "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}",
    ]
}
