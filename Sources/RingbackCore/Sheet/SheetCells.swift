/// The cells of one Missed Calls row keyed by column. A column the sheet does not have holds no value
/// (nil), which is not the same as an empty cell: the planner leaves such a column alone.
public struct SheetCells: Sendable, Hashable {
    private var storage: [String?]

    /// A row with no column present.
    public init() {
        storage = Array(repeating: nil, count: SheetColumn.count)
    }

    /// A row holding every column, empty unless given.
    public static func complete(_ values: [SheetColumn: String] = [:]) -> SheetCells {
        var cells = SheetCells()
        for column in SheetColumn.allCases { cells[column] = values[column] ?? "" }
        return cells
    }

    public init(_ values: [SheetColumn: String]) {
        self.init()
        for (column, value) in values { self[column] = value }
    }

    public subscript(column: SheetColumn) -> String? {
        get { storage[column.index] }
        set { storage[column.index] = newValue }
    }

    /// The cell's text, empty when the column is absent.
    public func text(_ column: SheetColumn) -> String { storage[column.index] ?? "" }

    /// The columns that hold a value, in sheet order.
    public var columns: [SheetColumn] { SheetColumn.allCases.filter { storage[$0.index] != nil } }

    /// Present columns and their values.
    public var values: [SheetColumn: String] {
        var out: [SheetColumn: String] = [:]
        for column in SheetColumn.allCases { if let value = storage[column.index] { out[column] = value } }
        return out
    }
}
