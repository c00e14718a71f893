import RingbackJSON

/// An emulated spreadsheet: its tabs in order and who may open it.
struct Spreadsheet {
    var id: String
    var title: String
    var sheets: [SheetGrid]
    /// nil: anyone with a token may open it.
    var sharedWith: Set<String>?

    func sheetIndex(title: String) -> Int? { sheets.firstIndex { $0.title == title } }
    func sheetIndex(id: Int) -> Int? { sheets.firstIndex { $0.properties.sheetId == id } }

    mutating func reindex() {
        sheets.sort { $0.properties.index < $1.properties.index }
        for i in sheets.indices { sheets[i].properties.index = i }
    }

    /// Resolves an A1 range to a tab and a rectangle, clamping unbounded ends to the grid.
    /// Errors as Google words them: `Unable to parse range: …` and `Range (…) exceeds grid limits …`.
    func resolve(_ text: String) throws(APIFailure) -> (sheet: Int, rect: GridRect, anchorOnly: Bool) {
        guard let range = A1Range.parse(text) else { throw .invalid("Unable to parse range: \(text)") }
        let index: Int
        if let name = range.sheetName {
            guard let found = sheetIndex(title: name) else { throw .invalid("Unable to parse range: \(text)") }
            index = found
        } else {
            guard let first = sheets.firstIndex(where: { !$0.properties.hidden }) ?? sheets.indices.first else {
                throw .invalid("Unable to parse range: \(text)")
            }
            index = first
        }
        let props = sheets[index].properties
        let rect = GridRect(
            startRow: range.startRow ?? 0, endRow: (range.endRow ?? (props.rowCount - 1)) + 1,
            startColumn: range.startColumn ?? 0, endColumn: (range.endColumn ?? (props.columnCount - 1)) + 1)
        let anchorOnly = range.startRow != nil && range.startRow == range.endRow && range.startColumn == range.endColumn
        if rect.endRow > props.rowCount || rect.endColumn > props.columnCount {
            throw gridLimits(sheet: index, rect)
        }
        return (index, rect, anchorOnly)
    }

    func gridLimits(sheet: Int, _ rect: GridRect) -> APIFailure {
        let props = sheets[sheet].properties
        return .invalid(
            "Range (\(A1Notation.format(title: props.title, rect, alwaysQuote: true))) exceeds grid limits. Max rows: \(props.rowCount), max columns: \(props.columnCount)"
        )
    }

    func rangeText(sheet: Int, _ rect: GridRect) -> String { A1Notation.format(title: sheets[sheet].title, rect) }

    static let defaultProperties: JSONValue = {
        let white: JSONValue = ["red": 1, "green": 1, "blue": 1]
        func rgb(_ r: Double, _ g: Double, _ b: Double) -> JSONValue { ["rgbColor": ["red": .number(r), "green": .number(g), "blue": .number(b)]] }
        return [
            "locale": "en_US",
            "autoRecalc": "ON_CHANGE",
            "timeZone": "Etc/GMT",
            "defaultFormat": [
                "backgroundColor": white,
                "padding": ["top": 2, "right": 3, "bottom": 2, "left": 3],
                "verticalAlignment": "BOTTOM",
                "wrapStrategy": "OVERFLOW_CELL",
                "textFormat": [
                    "foregroundColor": [:], "fontFamily": "arial,sans,sans-serif", "fontSize": 10, "bold": false,
                    "italic": false, "strikethrough": false, "underline": false, "foregroundColorStyle": ["rgbColor": [:]],
                ],
                "backgroundColorStyle": ["rgbColor": white],
            ],
            "spreadsheetTheme": [
                "primaryFontFamily": "Arial",
                "themeColors": [
                    ["colorType": "TEXT", "color": ["rgbColor": [:]]],
                    ["colorType": "BACKGROUND", "color": ["rgbColor": white]],
                    ["colorType": "ACCENT1", "color": rgb(0.25882354, 0.52156866, 0.95686275)],
                    ["colorType": "ACCENT2", "color": rgb(0.91764706, 0.2627451, 0.20784314)],
                    ["colorType": "ACCENT3", "color": rgb(0.9843137, 0.7372549, 0.015686275)],
                    ["colorType": "ACCENT4", "color": rgb(0.20392157, 0.65882355, 0.3254902)],
                    ["colorType": "ACCENT5", "color": rgb(1, 0.42745098, 0.003921569)],
                    ["colorType": "ACCENT6", "color": rgb(0.27450982, 0.7411765, 0.7764706)],
                    ["colorType": "LINK", "color": rgb(0.06666667, 0.33333334, 0.8)],
                ],
            ],
        ]
    }()

    /// The spreadsheets.get resource; grid data only when asked for, restricted to `ranges` when given.
    func json(includeGridData: Bool, ranges: [(sheet: Int, rect: GridRect)]) -> JSONValue {
        var properties = Self.defaultProperties.object!
        properties["title"] = .string(title)
        var sheetList: [JSONValue] = []
        for (index, sheet) in sheets.enumerated() {
            let wanted = ranges.filter { $0.sheet == index }
            if !ranges.isEmpty && wanted.isEmpty { continue }
            var object: [String: JSONValue] = ["properties": sheet.properties.json()]
            sheet.decorations.add(to: &object)
            if includeGridData {
                let rects = wanted.isEmpty ? [sheet.fullRect] : wanted.map(\.rect)
                object["data"] = .array(rects.map { CellRendering.gridData(sheet, $0) })
            }
            sheetList.append(.object(object))
        }
        return [
            "spreadsheetId": .string(id),
            "properties": .object(properties),
            "sheets": .array(sheetList),
            "spreadsheetUrl": .string("https://docs.google.com/spreadsheets/d/\(id)/edit"),
        ]
    }
}
