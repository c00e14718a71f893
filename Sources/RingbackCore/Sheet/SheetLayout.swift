/// Where each of Ringback's columns sits in a sheet the office may have rearranged: header text is
/// mapped to columns here, once per read. A header named twice counts at its first position only.
public struct SheetLayout: Sendable, Hashable {
    private var positions: [Int?]
    /// The column at each header position; nil for the office's own columns.
    public private(set) var columnAt: [SheetColumn?]

    public init(header: [String]) {
        positions = Array(repeating: nil, count: SheetColumn.count)
        columnAt = Array(repeating: nil, count: header.count)
        for (position, title) in header.enumerated() {
            guard let column = SheetColumn(title: title), positions[column.index] == nil else { continue }
            positions[column.index] = position
            columnAt[position] = column
        }
    }

    public subscript(column: SheetColumn) -> Int? { positions[column.index] }

    public func contains(_ column: SheetColumn) -> Bool { self[column] != nil }

    /// The cells of one grid row, for the columns the layout has; a short row reads as empty cells.
    public func cells(of row: [String]) -> SheetCells {
        var cells = SheetCells()
        for column in SheetColumn.allCases {
            guard let position = positions[column.index] else { continue }
            cells[column] = position < row.count ? row[position] : ""
        }
        return cells
    }

    /// A grid row laid out under this header: Ringback's cells where its columns are, empty elsewhere.
    public func row(_ cells: SheetCells) -> [String] {
        columnAt.map { column in column.map(cells.text) ?? "" }
    }
}
