extension XLSXWorkbookReader {
    /// Row numbers from `r`, or the next row when a program left it out.
    func rowNumber(_ row: XLSXElement, after previous: Int, in path: String) throws(XLSXPartProblem) -> Int {
        guard let written = row["r"] else { return previous + 1 }
        guard let number = Int(written), number > previous, number <= XLSXCellReference.maxRow else {
            throw XLSXPartProblem("\(path): row number \(written) after row \(previous)")
        }
        return number
    }

    /// Column numbers from the cell's `r`, or the next column when a program left it out.
    func columnNumber(_ cell: XLSXElement, after previous: Int, row: Int, in path: String) throws(XLSXPartProblem) -> Int {
        guard let written = cell["r"] else { return previous + 1 }
        guard let reference = XLSXCellReference(written), reference.row == row else {
            throw XLSXPartProblem("\(path): cell reference \(written) in row \(row)")
        }
        return reference.column
    }

    /// What the cell shows as text: its string, the digits of a number the office typed, TRUE or FALSE,
    /// or the last value of a formula.
    func text(of cell: XLSXElement, shared: [String], in path: String) throws(XLSXPartProblem) -> String {
        let value = cell.child("v")?.text ?? ""
        switch cell["t"] ?? "n" {
        case "inlineStr":
            return cell.child("is")?.itemText ?? ""
        case "s":
            guard let index = Int(value), shared.indices.contains(index) else {
                throw XLSXPartProblem("\(path): cell \(cell["r"] ?? "") names shared string \(value), which the workbook lacks")
            }
            return shared[index]
        case "b":
            return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "n":
            return Self.number(value)
        default:
            return value
        }
    }

    /// A number as the office typed it: `1.5125550100E10` (as some programs store 15125550100) is
    /// written out in full when it is a whole number.
    static func number(_ stored: String) -> String {
        guard stored.contains(where: { $0 == "E" || $0 == "e" }), let value = Double(stored), value.rounded() == value,
            abs(value) < 1e15
        else { return stored }
        return String(Int64(value))
    }
}
