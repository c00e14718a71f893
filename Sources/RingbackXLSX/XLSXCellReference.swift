/// A cell's place in A1 notation (`C7`): the column letters and the row number, both from 1.
struct XLSXCellReference: Hashable, Sendable {
    var column: Int
    var row: Int

    /// `1` → `A`, `27` → `AA`.
    static func letters(_ column: Int) -> String {
        var n = column
        var scalars: [Unicode.Scalar] = []
        while n > 0 {
            let digit = (n - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(digit)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    var text: String { Self.letters(column) + String(row) }

    /// `C7` → column 3, row 7; nil for anything else (`$C$7`, a range, a bare number).
    init?(_ text: String) {
        var column = 0
        var row = 0
        var digits = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !digits:
                column = column * 26 + Int(byte - UInt8(ascii: "A") + 1)
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !digits:
                column = column * 26 + Int(byte - UInt8(ascii: "a") + 1)
            case UInt8(ascii: "0")...UInt8(ascii: "9") where column > 0:
                digits = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default:
                return nil
            }
            guard column <= Self.maxColumn, row <= Self.maxRow else { return nil }
        }
        guard digits, row > 0 else { return nil }
        self.column = column
        self.row = row
    }

    init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Excel's limits: columns to XFD, rows to 1,048,576.
    static let maxColumn = 16_384
    static let maxRow = 1_048_576
}
