import RingbackJSON

/// What a cell was given: text, a number, a boolean or a formula (kept as typed, evaluated when read).
enum CellContent: Equatable {
    case empty, text(String), number(Double), bool(Bool), formula(String)
}

/// One cell of an emulated sheet: its value, its user-entered format (number format included) and its validation rule.
struct StoredCell: Equatable {
    var content: CellContent = .empty
    /// `userEnteredFormat` as Sheets returns it; `numberFormat` inside decides how numbers render.
    var format: [String: JSONValue]?
    var validation: JSONValue?

    static let blank = StoredCell()
    var isBlank: Bool { content == .empty && format == nil && validation == nil }

    var numberFormat: (type: String, pattern: String)? {
        guard let spec = format?["numberFormat"], let type = spec["type"]?.string else { return nil }
        return (type, spec["pattern"]?.string ?? "")
    }

    mutating func setNumberFormat(type: String, pattern: String) {
        var object = format ?? [:]
        object["numberFormat"] = ["type": .string(type), "pattern": .string(pattern)]
        format = object
    }
}
