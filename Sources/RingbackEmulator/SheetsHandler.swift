import RingbackJSON

/// The Sheets v4 methods Ringback calls, by their API names.
enum SheetsOperation {
    case get, batchUpdate, valuesBatchGet, valuesBatchUpdate, valuesBatchClear
    case valuesGet(String), valuesUpdate(String), valuesAppend(String), valuesClear(String)

    var methodName: String {
        switch self {
        case .get: "sheets.spreadsheets.get"
        case .batchUpdate: "sheets.spreadsheets.batchUpdate"
        case .valuesBatchGet: "sheets.spreadsheets.values.batchGet"
        case .valuesBatchUpdate: "sheets.spreadsheets.values.batchUpdate"
        case .valuesBatchClear: "sheets.spreadsheets.values.batchClear"
        case .valuesGet: "sheets.spreadsheets.values.get"
        case .valuesUpdate: "sheets.spreadsheets.values.update"
        case .valuesAppend: "sheets.spreadsheets.values.append"
        case .valuesClear: "sheets.spreadsheets.values.clear"
        }
    }

    var httpMethod: String {
        switch self {
        case .get, .valuesGet, .valuesBatchGet: "GET"
        case .valuesUpdate: "PUT"
        default: "POST"
        }
    }
}

/// Serves Sheets v4 on a copy of one spreadsheet; the copy replaces the original only when the call succeeds, which makes
/// every batch atomic.
struct SheetsHandler {
    var doc: Spreadsheet
    let request: HTTPRequestData
    var changed = false
    let idPool: [Int]

    init(doc: Spreadsheet, request: HTTPRequestData, idPool: [Int]) {
        self.doc = doc
        self.request = request
        self.idPool = idPool
    }

    static func body(_ request: HTTPRequestData) throws(APIFailure) -> JSONValue {
        if request.body.isEmpty { return .object([:]) }
        let value: JSONValue
        do {
            value = try JSONValue.parse(request.body)
        } catch {
            throw APIFailure(GoogleError.badRequestField("", "Invalid JSON payload received. Unexpected token at byte \(error.offset ?? 0)."))
        }
        guard value.object != nil else {
            throw APIFailure(GoogleError.badRequestField("", "Invalid JSON payload received. Expected an object."))
        }
        return value
    }

    mutating func perform(_ operation: SheetsOperation) throws(APIFailure) -> JSONValue {
        switch operation {
        case .get: return try get()
        case .batchUpdate:
            changed = true
            var batch = SheetsBatchUpdate(doc: doc, idPool: idPool)
            let reply = try batch.apply(try Self.body(request))
            doc = batch.doc
            return reply
        case .valuesGet(let range): return try valuesGet(range)
        case .valuesBatchGet: return try valuesBatchGet()
        case .valuesUpdate(let range):
            changed = true
            return try valuesUpdate(range)
        case .valuesBatchUpdate:
            changed = true
            return try valuesBatchUpdate()
        case .valuesAppend(let range):
            changed = true
            return try valuesAppend(range)
        case .valuesClear(let range):
            changed = true
            let resolved = try doc.resolve(range)
            doc.sheets[resolved.sheet].clearValues(resolved.rect)
            return ["spreadsheetId": .string(doc.id), "clearedRange": .string(doc.rangeText(sheet: resolved.sheet, resolved.rect))]
        case .valuesBatchClear:
            changed = true
            var cleared: [JSONValue] = []
            for range in try Self.body(request)["ranges"]?.array ?? [] {
                let resolved = try doc.resolve(range.string ?? "")
                doc.sheets[resolved.sheet].clearValues(resolved.rect)
                cleared.append(.string(doc.rangeText(sheet: resolved.sheet, resolved.rect)))
            }
            return ["spreadsheetId": .string(doc.id), "clearedRanges": .array(cleared)]
        }
    }

    private func get() throws(APIFailure) -> JSONValue {
        let mask = FieldMask(request.queryValue("fields"))
        let ranges = try request.queryValues("ranges").map { text throws(APIFailure) in
            let resolved = try doc.resolve(text)
            return (sheet: resolved.sheet, rect: resolved.rect)
        }
        let wantsData =
            request.queryValue("includeGridData")?.lowercased() == "true"
            || (mask?.paths.contains { $0.count >= 2 && $0[0] == "sheets" && $0[1] == "data" } ?? false)
        let full = doc.json(includeGridData: wantsData, ranges: ranges)
        return mask?.filter(full) ?? full
    }

    private func columnsMajor(_ value: String?) throws(APIFailure) -> Bool {
        switch value {
        case nil, "ROWS", "DIMENSION_UNSPECIFIED": return false
        case "COLUMNS": return true
        case let other?: throw .invalid("Invalid value at 'major_dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), \"\(other)\"")
        }
    }

    private func readRange(_ text: String, _ options: RenderOptions, columns: Bool) throws(APIFailure) -> JSONValue {
        let resolved = try doc.resolve(text)
        let sheet = doc.sheets[resolved.sheet]
        return CellRendering.valueRange(doc.rangeText(sheet: resolved.sheet, resolved.rect), sheet, resolved.rect, options, columnsMajor: columns)
    }

    private func valuesGet(_ range: String) throws(APIFailure) -> JSONValue {
        let options = try RenderOptions(value: request.queryValue("valueRenderOption"), dateTime: request.queryValue("dateTimeRenderOption"))
        return try readRange(range, options, columns: try columnsMajor(request.queryValue("majorDimension")))
    }

    private func valuesBatchGet() throws(APIFailure) -> JSONValue {
        let options = try RenderOptions(value: request.queryValue("valueRenderOption"), dateTime: request.queryValue("dateTimeRenderOption"))
        let columns = try columnsMajor(request.queryValue("majorDimension"))
        var ranges: [JSONValue] = []
        for text in request.queryValues("ranges") { ranges.append(try readRange(text, options, columns: columns)) }
        var reply: [String: JSONValue] = ["spreadsheetId": .string(doc.id)]
        if !ranges.isEmpty { reply["valueRanges"] = .array(ranges) }
        return .object(reply)
    }

    enum InputOption { case raw, userEntered }

    static func inputOption(_ value: String?) throws(APIFailure) -> InputOption {
        switch value {
        case "RAW": return .raw
        case "USER_ENTERED": return .userEntered
        case nil, "INPUT_VALUE_OPTION_UNSPECIFIED": throw .invalid("Invalid valueInputOption: INPUT_VALUE_OPTION_UNSPECIFIED")
        case let other?:
            throw .invalid("Invalid value at 'value_input_option' (type.googleapis.com/google.apps.sheets.v4.ValueInputOption), \"\(other)\"")
        }
    }

    static func rows(_ value: JSONValue?, field: String) throws(APIFailure) -> [[JSONValue]] {
        guard let value, value != .null else { return [] }
        func invalid(_ field: String, _ v: JSONValue) -> APIFailure {
            let message = "Invalid value at '\(field)' (type.googleapis.com/google.protobuf.ListValue), \(v.text)"
            return APIFailure(GoogleError.badRequestField(field, message))
        }
        guard case .array(let rows) = value else { throw invalid(field, value) }
        var result: [[JSONValue]] = []
        for (index, row) in rows.enumerated() {
            guard case .array(let cells) = row else { throw invalid("\(field)[\(index)]", row) }
            for cell in cells {
                switch cell {
                case .array, .object:
                    throw APIFailure(GoogleError.badRequestField("\(field)[\(index)]", "Invalid values[\(index)]: \(cell.text)"))
                default: break
                }
            }
            result.append(cells)
        }
        return result
    }

    struct Written {
        var sheet: Int
        var rect: GridRect?
        var cells: Int
    }

    /// Writes rows at a range's top-left cell; a range of more than one cell must hold them. Never grows the grid.
    static func write(
        _ rowsIn: [[JSONValue]], into doc: inout Spreadsheet, range: String, input: InputOption,
        columnsMajor: Bool, growGrid: Bool = false, at anchor: (row: Int, column: Int)? = nil
    ) throws(APIFailure) -> Written {
        let resolved = try doc.resolve(range)
        var rows = rowsIn
        if columnsMajor {
            let width = rows.map(\.count).max() ?? 0
            rows = (0..<width).map { c in rows.map { c < $0.count ? $0[c] : .null } }
        }
        let height = rows.count
        let width = rows.map(\.count).max() ?? 0
        guard height > 0, width > 0 else { return Written(sheet: resolved.sheet, rect: nil, cells: 0) }
        let startRow = anchor?.row ?? resolved.rect.startRow
        let startColumn = anchor?.column ?? resolved.rect.startColumn
        let target = GridRect(startRow: startRow, endRow: startRow + height, startColumn: startColumn, endColumn: startColumn + width)
        if anchor == nil && !resolved.anchorOnly {
            if target.endColumn > resolved.rect.endColumn {
                throw .invalid(
                    "Requested writing within range [\(range)], but tried writing to column [\(A1Notation.columnLetters(resolved.rect.endColumn))]")
            }
            if target.endRow > resolved.rect.endRow {
                throw .invalid("Requested writing within range [\(range)], but tried writing to row [\(resolved.rect.endRow + 1)]")
            }
        }
        if rows.contains(where: { $0.contains { $0.string.map(WorkbookLimits.isTooLong) ?? false } }) {
            throw .invalid(WorkbookLimits.cellTooLong)
        }
        if growGrid {
            doc.sheets[resolved.sheet].properties.rowCount = max(doc.sheets[resolved.sheet].properties.rowCount, target.endRow)
            doc.sheets[resolved.sheet].properties.columnCount = max(doc.sheets[resolved.sheet].properties.columnCount, target.endColumn)
            if doc.exceedsCellLimit { throw .invalid(WorkbookLimits.tooManyCells) }
        }
        let props = doc.sheets[resolved.sheet].properties
        if target.endRow > props.rowCount || target.endColumn > props.columnCount {
            throw doc.gridLimits(sheet: resolved.sheet, target)
        }
        var cells = 0
        for (r, row) in rows.enumerated() {
            for (c, value) in row.enumerated() {
                cells += 1
                let parsed: UserEnteredParser.Parsed
                switch value {
                case .null: continue
                case .string(let text): parsed = input == .raw ? .init(content: text.isEmpty ? .empty : .text(text)) : UserEnteredParser.parse(text)
                case .number(let number): parsed = .init(content: .number(number))
                case .bool(let flag): parsed = .init(content: .bool(flag))
                default: continue
                }
                doc.sheets[resolved.sheet].update(startRow + r, startColumn + c) { cell in
                    cell.content = parsed.content
                    if let format = parsed.numberFormat { cell.setNumberFormat(type: format.type, pattern: format.pattern) }
                }
            }
        }
        return Written(sheet: resolved.sheet, rect: target, cells: cells)
    }

    private func updateReply(_ written: Written, includeValues: Bool) throws(APIFailure) -> JSONValue {
        var reply: [String: JSONValue] = ["spreadsheetId": .string(doc.id)]
        guard let rect = written.rect else { return .object(reply) }
        let text = doc.rangeText(sheet: written.sheet, rect)
        reply["updatedRange"] = .string(text)
        reply["updatedRows"] = .number(Double(rect.rowCount))
        reply["updatedColumns"] = .number(Double(rect.columnCount))
        reply["updatedCells"] = .number(Double(written.cells))
        if includeValues {
            let options = try RenderOptions(
                value: request.queryValue("responseValueRenderOption"),
                dateTime: request.queryValue("responseDateTimeRenderOption"))
            reply["updatedData"] = CellRendering.valueRange(text, doc.sheets[written.sheet], rect, options, columnsMajor: false)
        }
        return .object(reply)
    }

    private mutating func valuesUpdate(_ range: String) throws(APIFailure) -> JSONValue {
        let input = try Self.inputOption(request.queryValue("valueInputOption"))
        let body = try Self.body(request)
        let rows = try Self.rows(body["values"], field: "data.values")
        let written = try Self.write(rows, into: &doc, range: range, input: input, columnsMajor: try columnsMajor(body["majorDimension"]?.string))
        return try updateReply(written, includeValues: request.queryValue("includeValuesInResponse")?.lowercased() == "true")
    }

    private mutating func valuesBatchUpdate() throws(APIFailure) -> JSONValue {
        let body = try Self.body(request)
        let input = try Self.inputOption(body["valueInputOption"]?.string)
        var responses: [JSONValue] = []
        var rowsTouched = Set<[Int]>(), columnsTouched = Set<[Int]>(), sheetsTouched = Set<Int>()
        var cells = 0
        for (index, item) in (body["data"]?.array ?? []).enumerated() {
            guard let range = item["range"]?.string else { throw .invalid("Invalid data[\(index)]: Unable to parse range: ") }
            let rows = try Self.rows(item["values"], field: "data[\(index)].values")
            let written: Written
            do {
                written = try Self.write(rows, into: &doc, range: range, input: input, columnsMajor: try columnsMajor(item["majorDimension"]?.string))
            } catch {
                let message = error.response.body
                if let text = (try? JSONValue.parse(message))?["error"]?["message"]?.string, text.hasPrefix("Unable to parse range") {
                    throw .invalid("Invalid data[\(index)]: \(text)")
                }
                throw error
            }
            if let rect = written.rect {
                sheetsTouched.insert(written.sheet)
                for r in rect.startRow..<rect.endRow { rowsTouched.insert([written.sheet, r]) }
                for c in rect.startColumn..<rect.endColumn { columnsTouched.insert([written.sheet, c]) }
                cells += written.cells
            }
            responses.append(try updateReply(written, includeValues: body["includeValuesInResponse"]?.bool ?? false))
        }
        var reply: [String: JSONValue] = ["spreadsheetId": .string(doc.id)]
        if !responses.isEmpty {
            reply["totalUpdatedRows"] = .number(Double(rowsTouched.count))
            reply["totalUpdatedColumns"] = .number(Double(columnsTouched.count))
            reply["totalUpdatedCells"] = .number(Double(cells))
            reply["totalUpdatedSheets"] = .number(Double(sheetsTouched.count))
            reply["responses"] = .array(responses)
        }
        return .object(reply)
    }

    /// The "table" values.append looks for: the first filled cell of the range, grown (past the range if need be) to the
    /// block of data touching it, diagonals included.
    static func findTable(_ sheet: SheetGrid, in rect: GridRect) -> GridRect? {
        func filled(_ r: Int, _ c: Int) -> Bool {
            r >= 0 && c >= 0 && r < sheet.properties.rowCount && c < sheet.properties.columnCount && sheet.cell(r, c).content != .empty
        }
        var first: (Int, Int)?
        search: for r in rect.startRow..<max(rect.startRow, min(rect.endRow, sheet.rows.count)) {
            for c in rect.startColumn..<max(rect.startColumn, min(rect.endColumn, sheet.rows[r].count)) where filled(r, c) {
                first = (r, c)
                break search
            }
        }
        guard let (r0, c0) = first else { return nil }
        var top = r0, bottom = r0, left = c0, right = c0
        var changed = true
        while changed {
            changed = false
            while (left - 1...right + 1).contains(where: { filled(bottom + 1, $0) }) { bottom += 1; changed = true }
            while (left - 1...right + 1).contains(where: { filled(top - 1, $0) }) { top -= 1; changed = true }
            while (top - 1...bottom + 1).contains(where: { filled($0, right + 1) }) { right += 1; changed = true }
            while (top - 1...bottom + 1).contains(where: { filled($0, left - 1) }) { left -= 1; changed = true }
        }
        return GridRect(startRow: top, endRow: bottom + 1, startColumn: left, endColumn: right + 1)
    }

    private mutating func valuesAppend(_ range: String) throws(APIFailure) -> JSONValue {
        let input = try Self.inputOption(request.queryValue("valueInputOption"))
        let insertRows: Bool
        switch request.queryValue("insertDataOption") {
        case nil, "OVERWRITE": insertRows = false
        case "INSERT_ROWS": insertRows = true
        case let other?:
            throw .invalid("Invalid value at 'insert_data_option' (type.googleapis.com/google.apps.sheets.v4.InsertDataOption), \"\(other)\"")
        }
        let body = try Self.body(request)
        let columns = try columnsMajor(body["majorDimension"]?.string)
        var rows = try Self.rows(body["values"], field: "data.values")
        if columns {
            let width = rows.map(\.count).max() ?? 0
            rows = (0..<width).map { c in rows.map { c < $0.count ? $0[c] : .null } }
        }
        let resolved = try doc.resolve(range)
        let table = Self.findTable(doc.sheets[resolved.sheet], in: resolved.rect)
        let anchor = table.map { (row: $0.endRow, column: $0.startColumn) } ?? (row: resolved.rect.startRow, column: resolved.rect.startColumn)
        if insertRows && !rows.isEmpty {
            doc.sheets[resolved.sheet].insertRows(at: anchor.row, count: rows.count)
        }
        let written = try Self.write(rows, into: &doc, range: range, input: input, columnsMajor: false, growGrid: true, at: anchor)
        var reply: [String: JSONValue] = ["spreadsheetId": .string(doc.id)]
        if let table { reply["tableRange"] = .string(doc.rangeText(sheet: resolved.sheet, table)) }
        reply["updates"] = try updateReply(written, includeValues: request.queryValue("includeValuesInResponse")?.lowercased() == "true")
        return .object(reply)
    }
}
