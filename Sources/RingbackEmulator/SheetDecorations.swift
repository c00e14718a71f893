import RingbackJSON

/// What a tab carries besides its cells: conditional format rules, filter views and embedded charts,
/// kept as `spreadsheets.get` returns them (`conditionalFormats`, `filterViews`, `charts`; an empty
/// list is left out, as Google does).
struct SheetDecorations: Equatable {
    var conditionalFormats: [JSONValue] = []
    var filterViews: [JSONValue] = []
    var charts: [JSONValue] = []

    func add(to object: inout [String: JSONValue]) {
        if !conditionalFormats.isEmpty { object["conditionalFormats"] = .array(conditionalFormats) }
        if !filterViews.isEmpty { object["filterViews"] = .array(filterViews) }
        if !charts.isEmpty { object["charts"] = .array(charts) }
    }

    /// Every filter view and chart id in use on the tab (they share the spreadsheet's id space with sheets).
    var objectIDs: Set<Int> { Set((filterViews.compactMap { $0["filterViewId"]?.int }) + charts.compactMap { $0["chartId"]?.int }) }
}

/// `addConditionalFormatRule`, `addFilterView` and `addChart` as the Sheets v4 discovery document
/// defines them: checked, stored on the tab, and answered with Google's reply shapes.
extension SheetsBatchUpdate {
    /// Inserts the rule at `index` (default 0) of its tab's list. No reply body.
    mutating func addConditionalFormatRule(_ payload: JSONValue) throws(Problem) -> JSONValue {
        guard let rule = payload["rule"]?.object else { throw Problem(message: "rule is required.") }
        let ranges = rule["ranges"]?.array ?? []
        guard !ranges.isEmpty else { throw Problem(message: "At least one range is required.") }
        var resolved: [JSONValue] = []
        var sheetIndex: Int?
        for range in ranges {
            let (index, rect) = try gridRange(range)
            if let sheetIndex, sheetIndex != index { throw Problem(message: "All ranges must be on the same grid.") }
            sheetIndex = index
            resolved.append(Self.gridRangeJSON(sheetID: doc.sheets[index].properties.sheetId, rect))
        }
        let kinds = ["booleanRule", "gradientRule"].filter { rule[$0] != nil }
        guard kinds.count == 1 else { throw Problem(message: "Exactly one of booleanRule or gradientRule must be set.") }
        if let condition = rule["booleanRule"]?["condition"] { try Self.checkCondition(condition) }
        guard let sheet = sheetIndex else { throw Problem(message: "At least one range is required.") }
        let index = payload["index"]?.int ?? 0
        let count = doc.sheets[sheet].decorations.conditionalFormats.count
        guard index >= 0, index <= count else { throw Problem(message: "Invalid index \(index), must be between 0 and \(count).") }
        var stored = rule
        stored["ranges"] = .array(resolved)
        doc.sheets[sheet].decorations.conditionalFormats.insert(.object(stored), at: index)
        return [:]
    }

    /// Adds a filter view over a range of one tab; the id is the one asked for, or a fresh one.
    mutating func addFilterView(_ payload: JSONValue) throws(Problem) -> JSONValue {
        guard var filter = payload["filter"]?.object else { throw Problem(message: "filter is required.") }
        guard let rangeValue = filter["range"] else { throw Problem(message: "One of range, namedRangeId or tableId must be set.") }
        let (sheet, rect) = try gridRange(rangeValue)
        for spec in filter["sortSpecs"]?.array ?? [] {
            let column = spec["dimensionIndex"]?.int ?? 0
            guard column >= rect.startColumn, column < rect.endColumn else {
                throw Problem(message: "Invalid sortSpec dimensionIndex \(column): it is outside the filter's range.")
            }
        }
        for spec in filter["filterSpecs"]?.array ?? [] {
            let column = spec["columnIndex"]?.int ?? 0
            guard column >= rect.startColumn, column < rect.endColumn else {
                throw Problem(message: "Invalid filterSpec columnIndex \(column): it is outside the filter's range.")
            }
            if let condition = spec["filterCriteria"]?["condition"] { try Self.checkCondition(condition) }
        }
        filter["filterViewId"] = .number(Double(try newObjectID(filter["filterViewId"]?.int)))
        filter["range"] = Self.gridRangeJSON(sheetID: doc.sheets[sheet].properties.sheetId, rect)
        doc.sheets[sheet].decorations.filterViews.append(.object(filter))
        return ["addFilterView": ["filter": .object(filter)]]
    }

    /// Adds a chart overlaid on a tab, its data read from grid ranges of the spreadsheet.
    mutating func addChart(_ payload: JSONValue) throws(Problem) -> JSONValue {
        guard var chart = payload["chart"]?.object else { throw Problem(message: "chart is required.") }
        guard let spec = chart["spec"] else { throw Problem(message: "chart.spec is required.") }
        if let basic = spec["basicChart"] { try checkBasicChart(basic) }
        guard let overlay = chart["position"]?["overlayPosition"], let anchor = overlay["anchorCell"] else {
            throw Problem(message: "chart.position.overlayPosition.anchorCell is required (the emulator does not model newSheet charts).")
        }
        let sheet = try self.sheet(anchor["sheetId"])
        let props = doc.sheets[sheet].properties
        let row = anchor["rowIndex"]?.int ?? 0
        let column = anchor["columnIndex"]?.int ?? 0
        guard row >= 0, row < props.rowCount, column >= 0, column < props.columnCount else {
            throw Problem(message: "The anchor cell is outside the grid of sheet \(props.sheetId).")
        }
        chart["chartId"] = .number(Double(try newObjectID(chart["chartId"]?.int)))
        chart["position"] = [
            "overlayPosition": [
                "anchorCell": ["sheetId": .number(Double(props.sheetId)), "rowIndex": .number(Double(row)), "columnIndex": .number(Double(column))],
                "offsetXPixels": .number(Double(overlay["offsetXPixels"]?.int ?? 0)),
                "offsetYPixels": .number(Double(overlay["offsetYPixels"]?.int ?? 0)),
                "widthPixels": .number(Double(overlay["widthPixels"]?.int ?? 600)),
                "heightPixels": .number(Double(overlay["heightPixels"]?.int ?? 371)),
            ]
        ]
        doc.sheets[sheet].decorations.charts.append(.object(chart))
        return ["addChart": ["chart": .object(chart)]]
    }

    static let chartTypes: Set<String> = ["BAR", "LINE", "AREA", "COLUMN", "SCATTER", "COMBO", "STEPPED_AREA"]

    private func checkBasicChart(_ basic: JSONValue) throws(Problem) {
        guard let type = basic["chartType"]?.string, Self.chartTypes.contains(type) else {
            throw Problem(message: "basicChart.chartType must be one of \(Self.chartTypes.sorted().joined(separator: ", ")).")
        }
        let domains = basic["domains"]?.array ?? []
        guard domains.count <= 1 else { throw Problem(message: "Only a single domain is supported.") }
        let series = basic["series"]?.array ?? []
        guard !series.isEmpty else { throw Problem(message: "A basic chart needs at least one series.") }
        let sources = domains.map { $0["domain"] } + series.map { $0["series"] }
        for source in sources {
            let ranges = source?["sourceRange"]?["sources"]?.array ?? []
            guard !ranges.isEmpty else { throw Problem(message: "Every domain and series needs a sourceRange with sources.") }
            for range in ranges { _ = try gridRange(range) }
        }
    }

    /// A BooleanCondition: a type, and a CUSTOM_FORMULA's one value a formula.
    private static func checkCondition(_ condition: JSONValue) throws(Problem) {
        guard let type = condition["type"]?.string, !type.isEmpty else { throw Problem(message: "condition.type is required.") }
        if type == "CUSTOM_FORMULA" {
            let values = condition["values"]?.array ?? []
            guard values.count == 1, let formula = values[0]["userEnteredValue"]?.string, formula.hasPrefix("=") else {
                throw Problem(message: "CUSTOM_FORMULA requires a single value that is a formula starting with \"=\".")
            }
        }
    }

    /// A requested id must be free across the spreadsheet's filter views and charts; otherwise a fresh one.
    private mutating func newObjectID(_ requested: Int?) throws(Problem) -> Int {
        let used = doc.sheets.reduce(into: Set<Int>()) { $0.formUnion($1.decorations.objectIDs) }
        if let requested {
            guard requested >= 0, !used.contains(requested) else { throw Problem(message: "Duplicate object ID: \(requested)") }
            return requested
        }
        var id = nextSheetID()
        while used.contains(id) { id = nextSheetID() }
        return id
    }

    static func gridRangeJSON(sheetID: Int, _ rect: GridRect) -> JSONValue {
        [
            "sheetId": .number(Double(sheetID)), "startRowIndex": .number(Double(rect.startRow)), "endRowIndex": .number(Double(rect.endRow)),
            "startColumnIndex": .number(Double(rect.startColumn)), "endColumnIndex": .number(Double(rect.endColumn)),
        ]
    }
}
