import RingbackJSON

/// valueRenderOption and dateTimeRenderOption of values.get and friends.
struct RenderOptions {
    enum Value: String { case formatted = "FORMATTED_VALUE", unformatted = "UNFORMATTED_VALUE", formula = "FORMULA" }
    enum DateTime: String { case serial = "SERIAL_NUMBER", formattedString = "FORMATTED_STRING" }
    var value: Value = .formatted
    var dateTime: DateTime = .serial

    init(value: String?, dateTime: String?) throws(APIFailure) {
        if let value {
            guard let parsed = Value(rawValue: value) else {
                throw .invalid("Invalid value at 'value_render_option' (type.googleapis.com/google.apps.sheets.v4.ValueRenderOption), \"\(value)\"")
            }
            self.value = parsed
        }
        if let dateTime {
            guard let parsed = DateTime(rawValue: dateTime) else {
                throw .invalid(
                    "Invalid value at 'date_time_render_option' (type.googleapis.com/google.apps.sheets.v4.DateTimeRenderOption), \"\(dateTime)\"")
            }
            self.dateTime = parsed
        }
    }
}

/// How cells read back: formatted text, raw values or formulas; trimmed the way values.get trims.
enum CellRendering {
    static func formatted(_ cell: StoredCell, in sheet: SheetGrid) -> String {
        switch cell.content {
        case .empty: return ""
        case .text(let text): return text
        case .bool(let value): return value ? "TRUE" : "FALSE"
        case .number(let number): return formatNumber(number, cell)
        case .formula(let formula):
            switch FormulaEvaluator(sheet: sheet).evaluate(formula) {
            case .number(let number): return formatNumber(number, cell)
            case .text(let text): return text
            case .bool(let value): return value ? "TRUE" : "FALSE"
            case .error(let error): return error
            }
        }
    }

    static func formatNumber(_ number: Double, _ cell: StoredCell) -> String {
        if let format = cell.numberFormat { return SheetsNumberFormat.format(number, type: format.type, pattern: format.pattern) }
        return SheetsNumberFormat.general(number)
    }

    static func isDateFormatted(_ cell: StoredCell) -> Bool {
        guard let type = cell.numberFormat?.type else { return false }
        return type == "DATE" || type == "TIME" || type == "DATE_TIME"
    }

    /// nil for an empty cell.
    static func value(_ cell: StoredCell, in sheet: SheetGrid, _ options: RenderOptions) -> JSONValue? {
        if cell.content == .empty { return nil }
        switch options.value {
        case .formatted:
            return .string(formatted(cell, in: sheet))
        case .unformatted, .formula:
            let result: FormulaValue
            switch cell.content {
            case .empty: return nil
            case .text(let text): return .string(text)
            case .bool(let value): return .bool(value)
            case .number(let number): result = .number(number)
            case .formula(let formula):
                if options.value == .formula { return .string(formula) }
                result = FormulaEvaluator(sheet: sheet).evaluate(formula)
            }
            switch result {
            case .number(let number):
                if options.dateTime == .formattedString && isDateFormatted(cell) { return .string(formatNumber(number, cell)) }
                return .number(number)
            case .text(let text): return .string(text)
            case .bool(let value): return .bool(value)
            case .error(let error): return .string(error)
            }
        }
    }

    /// Rows of the rectangle with trailing empty cells and rows dropped; empty cells inside stay `""`.
    static func values(_ sheet: SheetGrid, _ rect: GridRect, _ options: RenderOptions, columnsMajor: Bool) -> [[JSONValue]] {
        let outerCount = columnsMajor ? rect.columnCount : rect.rowCount
        let innerCount = columnsMajor ? rect.rowCount : rect.columnCount
        var result: [[JSONValue]] = []
        var lastNonEmpty = -1
        let storedRows = min(rect.endRow, sheet.rows.count)
        for outer in 0..<outerCount {
            if !columnsMajor && rect.startRow + outer >= storedRows { break }
            var line: [JSONValue] = []
            var lastCell = -1
            for inner in 0..<innerCount {
                let row = rect.startRow + (columnsMajor ? inner : outer)
                let column = rect.startColumn + (columnsMajor ? outer : inner)
                if row >= storedRows { if columnsMajor { break } else { continue } }
                if !columnsMajor && column >= sheet.rows[row].count { break }
                let value = self.value(sheet.cell(row, column), in: sheet, options)
                line.append(value ?? "")
                if value != nil { lastCell = line.count - 1 }
            }
            line.removeSubrange((lastCell + 1)...)
            result.append(line)
            if !line.isEmpty { lastNonEmpty = result.count - 1 }
        }
        result.removeSubrange((lastNonEmpty + 1)...)
        return result
    }

    static func valueRange(_ range: String, _ sheet: SheetGrid, _ rect: GridRect, _ options: RenderOptions, columnsMajor: Bool) -> JSONValue {
        var object: [String: JSONValue] = ["range": .string(range), "majorDimension": columnsMajor ? "COLUMNS" : "ROWS"]
        let rows = values(sheet, rect, options, columnsMajor: columnsMajor)
        if !rows.isEmpty { object["values"] = .array(rows.map { .array($0) }) }
        return .object(object)
    }

    /// Google echoes each colour as a `…Style` too.
    static func formatJSON(_ format: [String: JSONValue]) -> JSONValue {
        var result = format
        if let color = format["backgroundColor"], format["backgroundColorStyle"] == nil {
            result["backgroundColorStyle"] = ["rgbColor": color]
        }
        if var text = format["textFormat"]?.object, let color = text["foregroundColor"], text["foregroundColorStyle"] == nil {
            text["foregroundColorStyle"] = ["rgbColor": color]
            result["textFormat"] = .object(text)
        }
        return .object(result)
    }

    static func cellData(_ cell: StoredCell, in sheet: SheetGrid) -> JSONValue {
        var object: [String: JSONValue] = [:]
        switch cell.content {
        case .empty: break
        case .text(let text):
            object["userEnteredValue"] = ["stringValue": .string(text)]
            object["effectiveValue"] = ["stringValue": .string(text)]
        case .number(let number):
            object["userEnteredValue"] = ["numberValue": .number(number)]
            object["effectiveValue"] = ["numberValue": .number(number)]
        case .bool(let value):
            object["userEnteredValue"] = ["boolValue": .bool(value)]
            object["effectiveValue"] = ["boolValue": .bool(value)]
        case .formula(let formula):
            object["userEnteredValue"] = ["formulaValue": .string(formula)]
            switch FormulaEvaluator(sheet: sheet).evaluate(formula) {
            case .number(let n): object["effectiveValue"] = ["numberValue": .number(n)]
            case .text(let t): object["effectiveValue"] = ["stringValue": .string(t)]
            case .bool(let b): object["effectiveValue"] = ["boolValue": .bool(b)]
            case .error(let e): object["effectiveValue"] = ["errorValue": ["type": e == "#NAME?" ? "NAME" : "ERROR", "message": .string(e)]]
            }
        }
        if cell.content != .empty { object["formattedValue"] = .string(formatted(cell, in: sheet)) }
        if let format = cell.format { object["userEnteredFormat"] = formatJSON(format) }
        if let validation = cell.validation { object["dataValidation"] = validation }
        return .object(object)
    }

    static func gridData(_ sheet: SheetGrid, _ rect: GridRect) -> JSONValue {
        var object: [String: JSONValue] = [:]
        if rect.startRow > 0 { object["startRow"] = .number(Double(rect.startRow)) }
        if rect.startColumn > 0 { object["startColumn"] = .number(Double(rect.startColumn)) }
        var rowData: [JSONValue] = []
        for row in rect.startRow..<max(rect.startRow, min(rect.endRow, sheet.rows.count)) {
            var cells: [JSONValue] = []
            for column in rect.startColumn..<max(rect.startColumn, min(rect.endColumn, sheet.rows[row].count)) {
                cells.append(cellData(sheet.cell(row, column), in: sheet))
            }
            while let last = cells.last, last == .object([:]) { cells.removeLast() }
            rowData.append(cells.isEmpty ? .object([:]) : ["values": .array(cells)])
        }
        while let last = rowData.last, last == .object([:]) { rowData.removeLast() }
        if !rowData.isEmpty { object["rowData"] = .array(rowData) }
        return .object(object)
    }
}
