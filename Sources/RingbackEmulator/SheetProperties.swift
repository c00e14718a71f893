import RingbackJSON

/// A tab's properties as spreadsheets.get shows them; zero and false values are left out as Google leaves them out.
struct SheetProperties: Equatable {
    var sheetId: Int
    var title: String
    var index: Int
    var sheetType = "GRID"
    var rowCount = 1000
    var columnCount = 26
    var frozenRowCount = 0
    var frozenColumnCount = 0
    var hidden = false
    /// Properties the emulator keeps but does not interpret (tabColor, rightToLeft, hideGridlines, …).
    var extra: [String: JSONValue] = [:]
    var gridExtra: [String: JSONValue] = [:]

    func json() -> JSONValue {
        var grid = gridExtra
        grid["rowCount"] = .number(Double(rowCount))
        grid["columnCount"] = .number(Double(columnCount))
        if frozenRowCount > 0 { grid["frozenRowCount"] = .number(Double(frozenRowCount)) }
        if frozenColumnCount > 0 { grid["frozenColumnCount"] = .number(Double(frozenColumnCount)) }
        var object = extra
        object["sheetId"] = .number(Double(sheetId))
        object["title"] = .string(title)
        object["index"] = .number(Double(index))
        object["sheetType"] = .string(sheetType)
        object["gridProperties"] = .object(grid)
        if hidden { object["hidden"] = true }
        return .object(object)
    }

    /// Reads back what `json()` wrote (after a field mask was applied to it).
    static func from(_ value: JSONValue) throws(APIFailure) -> SheetProperties {
        guard var object = value.object else { throw .invalid("Invalid sheet properties.") }
        var grid = object.removeValue(forKey: "gridProperties")?.object ?? [:]
        func int(_ v: JSONValue?, _ name: String) throws(APIFailure) -> Int? {
            guard let v else { return nil }
            guard let n = v.int else { throw .invalid("Invalid value at '\(name)', \(v.text)") }
            return n
        }
        var props = SheetProperties(
            sheetId: try int(object.removeValue(forKey: "sheetId"), "sheetId") ?? 0,
            title: object.removeValue(forKey: "title")?.string ?? "",
            index: try int(object.removeValue(forKey: "index"), "index") ?? 0)
        props.sheetType = object.removeValue(forKey: "sheetType")?.string ?? "GRID"
        props.hidden = object.removeValue(forKey: "hidden")?.bool ?? false
        props.rowCount = try int(grid.removeValue(forKey: "rowCount"), "rowCount") ?? 0
        props.columnCount = try int(grid.removeValue(forKey: "columnCount"), "columnCount") ?? 0
        props.frozenRowCount = try int(grid.removeValue(forKey: "frozenRowCount"), "frozenRowCount") ?? 0
        props.frozenColumnCount = try int(grid.removeValue(forKey: "frozenColumnCount"), "frozenColumnCount") ?? 0
        props.extra = object
        props.gridExtra = grid
        return props
    }
}
