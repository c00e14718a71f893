import RingbackJSON

/// spreadsheets.batchUpdate: the structural and formatting requests Ringback sends, applied in order to a copy.
/// Any invalid request fails the whole call with `Invalid requests[i].kind: …`.
struct SheetsBatchUpdate {
    var doc: Spreadsheet
    /// Candidate ids for new tabs, drawn from the emulator's seeded generator.
    var idPool: [Int]

    init(doc: Spreadsheet, idPool: [Int]) {
        self.doc = doc
        self.idPool = idPool
    }

    private mutating func nextSheetID() -> Int {
        idPool.isEmpty ? Int.random(in: 1..<2_147_483_647) : idPool.removeFirst()
    }

    static let supported: Set<String> = [
        "addSheet", "deleteSheet", "updateSheetProperties", "appendDimension", "insertDimension", "deleteDimension",
        "setDataValidation", "updateDimensionProperties", "repeatCell", "updateCells", "autoResizeDimensions",
        "updateSpreadsheetProperties", "sortRange", "addConditionalFormatRule", "updateBorders", "mergeCells", "unmergeCells",
    ]

    mutating func apply(_ body: JSONValue) throws(APIFailure) -> JSONValue {
        let requests = body["requests"]?.array ?? []
        var replies: [JSONValue] = []
        for (index, request) in requests.enumerated() {
            guard let members = request.object else { throw .invalid("Invalid requests[\(index)]: No request set.") }
            if let unknown = members.keys.sorted().first(where: { !Self.supported.contains($0) }) {
                let message = "Invalid JSON payload received. Unknown name \"\(unknown)\" at 'requests[\(index)]': Cannot find field."
                throw APIFailure(GoogleError.badRequestField("requests[\(index)]", message))
            }
            guard members.count == 1, let (kind, payload) = members.first else {
                throw .invalid("Invalid requests[\(index)]: No request set.")
            }
            do throws(Problem) {
                replies.append(try applyOne(kind, payload))
                if doc.exceedsCellLimit { throw Problem(message: WorkbookLimits.tooManyCells) }
            } catch {
                throw .invalid("Invalid requests[\(index)].\(kind): \(error.message)")
            }
        }
        var reply: [String: JSONValue] = ["spreadsheetId": .string(doc.id), "replies": .array(replies)]
        if body["includeSpreadsheetInResponse"]?.bool == true {
            reply["updatedSpreadsheet"] = doc.json(includeGridData: body["responseIncludeGridData"]?.bool ?? false, ranges: [])
        }
        return .object(reply)
    }

    struct Problem: Error { var message: String }

    private func sheet(_ id: JSONValue?) throws(Problem) -> Int {
        let sheetID = id?.int ?? 0
        guard let index = doc.sheetIndex(id: sheetID) else { throw Problem(message: "No grid with id: \(sheetID)") }
        return index
    }

    /// A GridRange: missing ends run to the grid's edges.
    private func gridRange(_ range: JSONValue?) throws(Problem) -> (sheet: Int, rect: GridRect) {
        let index = try sheet(range?["sheetId"])
        let props = doc.sheets[index].properties
        let rect = GridRect(
            startRow: range?["startRowIndex"]?.int ?? 0, endRow: range?["endRowIndex"]?.int ?? props.rowCount,
            startColumn: range?["startColumnIndex"]?.int ?? 0, endColumn: range?["endColumnIndex"]?.int ?? props.columnCount)
        guard rect.startRow >= 0, rect.startColumn >= 0, rect.startRow <= rect.endRow, rect.startColumn <= rect.endColumn else {
            throw Problem(message: "Invalid range.")
        }
        if rect.endRow > props.rowCount || rect.endColumn > props.columnCount {
            throw Problem(
                message:
                    "Range (\(A1Notation.format(title: props.title, rect, alwaysQuote: true))) exceeds grid limits. Max rows: \(props.rowCount), max columns: \(props.columnCount)"
            )
        }
        return (index, rect)
    }

    private func dimensionRange(_ range: JSONValue?) throws(Problem) -> (sheet: Int, rows: Bool, span: Range<Int>) {
        let index = try sheet(range?["sheetId"])
        let rows: Bool
        switch range?["dimension"]?.string {
        case "ROWS": rows = true
        case "COLUMNS": rows = false
        default: throw Problem(message: "range.dimension must be ROWS or COLUMNS.")
        }
        let limit = rows ? doc.sheets[index].properties.rowCount : doc.sheets[index].properties.columnCount
        let start = range?["startIndex"]?.int ?? 0
        let end = range?["endIndex"]?.int ?? limit
        guard start >= 0, start < end else { throw Problem(message: "Invalid dimension range: start index must be less than end index.") }
        return (index, rows, start..<end)
    }

    private func validateTitle(_ title: String, except sheetID: Int? = nil) throws(Problem) {
        if doc.sheets.contains(where: { $0.title.lowercased() == title.lowercased() && $0.properties.sheetId != sheetID }) {
            throw Problem(message: "A sheet with the name \"\(title)\" already exists. Please enter another name.")
        }
    }

    private mutating func applyOne(_ kind: String, _ payload: JSONValue) throws(Problem) -> JSONValue {
        switch kind {
        case "addSheet":
            let given = payload["properties"] ?? .object([:])
            var id = given["sheetId"]?.int
            if let id, doc.sheetIndex(id: id) != nil { throw Problem(message: "A sheet with the id \(id) already exists.") }
            while id == nil || doc.sheetIndex(id: id!) != nil { id = nextSheetID() }
            var number = doc.sheets.count + 1
            while doc.sheetIndex(title: "Sheet\(number)") != nil { number += 1 }
            let title = given["title"]?.string ?? "Sheet\(number)"
            try validateTitle(title)
            var props = SheetProperties(sheetId: id!, title: title, index: given["index"]?.int ?? doc.sheets.count)
            props.rowCount = given["gridProperties"]?["rowCount"]?.int ?? 1000
            props.columnCount = given["gridProperties"]?["columnCount"]?.int ?? 26
            props.frozenRowCount = given["gridProperties"]?["frozenRowCount"]?.int ?? 0
            props.frozenColumnCount = given["gridProperties"]?["frozenColumnCount"]?.int ?? 0
            props.hidden = given["hidden"]?.bool ?? false
            if let tab = given["tabColor"] { props.extra["tabColor"] = tab }
            guard props.index >= 0, props.index <= doc.sheets.count else { throw Problem(message: "Invalid index \(props.index).") }
            for i in doc.sheets.indices where doc.sheets[i].properties.index >= props.index { doc.sheets[i].properties.index += 1 }
            doc.sheets.append(SheetGrid(properties: props))
            doc.reindex()
            return ["addSheet": ["properties": doc.sheets[doc.sheetIndex(id: id!)!].properties.json()]]
        case "deleteSheet":
            let index = try sheet(payload["sheetId"])
            if doc.sheets.count == 1 { throw Problem(message: "You can't remove all the sheets in a document.") }
            doc.sheets.remove(at: index)
            if !doc.sheets.contains(where: { !$0.properties.hidden }) {
                throw Problem(message: "You can't remove all the visible sheets in a document.")
            }
            doc.reindex()
            return [:]
        case "updateSheetProperties":
            guard let mask = FieldMask(payload["fields"]?.string) else {
                throw Problem(message: "At least one field must be updated, but none were specified.")
            }
            let given = payload["properties"] ?? .object([:])
            let index = try sheet(given["sheetId"])
            let before = doc.sheets[index].properties
            var merged = mask.apply(from: given, to: before.json()).object ?? [:]
            merged["sheetId"] = .number(Double(before.sheetId))
            var props: SheetProperties
            do { props = try SheetProperties.from(.object(merged)) } catch { throw Problem(message: "Invalid properties.") }
            if props.title.isEmpty { throw Problem(message: "Sheet title must not be empty.") }
            try validateTitle(props.title, except: props.sheetId)
            if props.rowCount < 1 || props.columnCount < 1 { throw Problem(message: "Grid must have at least one row and one column.") }
            if props.frozenRowCount >= props.rowCount && props.frozenRowCount > 0 {
                throw Problem(message: "You can't freeze all visible rows on the sheet.")
            }
            if props.frozenColumnCount >= props.columnCount && props.frozenColumnCount > 0 {
                throw Problem(message: "You can't freeze all visible columns on the sheet.")
            }
            doc.sheets[index].properties = props
            if !doc.sheets.contains(where: { !$0.properties.hidden }) { throw Problem(message: "You can't hide all the sheets in a document.") }
            doc.sheets[index].trimToGrid()
            if props.index != before.index {
                let moving = doc.sheets.remove(at: index)
                doc.sheets.insert(moving, at: min(max(props.index, 0), doc.sheets.count))
                for i in doc.sheets.indices { doc.sheets[i].properties.index = i }
            }
            return [:]
        case "updateSpreadsheetProperties":
            if let title = payload["properties"]?["title"]?.string, payload["fields"]?.string?.contains("title") == true { doc.title = title }
            return [:]
        case "appendDimension":
            let index = try sheet(payload["sheetId"])
            let length = payload["length"]?.int ?? 0
            guard length > 0 else { throw Problem(message: "length must be greater than zero.") }
            switch payload["dimension"]?.string {
            case "ROWS": doc.sheets[index].properties.rowCount += length
            case "COLUMNS": doc.sheets[index].properties.columnCount += length
            default: throw Problem(message: "dimension must be ROWS or COLUMNS.")
            }
            return [:]
        case "insertDimension":
            let range = try dimensionRange(payload["range"])
            let limit = range.rows ? doc.sheets[range.sheet].properties.rowCount : doc.sheets[range.sheet].properties.columnCount
            guard range.span.lowerBound <= limit else { throw Problem(message: "Invalid dimension range: start index is beyond the grid.") }
            if range.rows {
                doc.sheets[range.sheet].insertRows(at: range.span.lowerBound, count: range.span.count)
            } else {
                doc.sheets[range.sheet].insertColumns(at: range.span.lowerBound, count: range.span.count)
            }
            return [:]
        case "deleteDimension":
            let range = try dimensionRange(payload["range"])
            let props = doc.sheets[range.sheet].properties
            let limit = range.rows ? props.rowCount : props.columnCount
            guard range.span.upperBound <= limit else { throw Problem(message: "Invalid dimension range: end index is beyond the grid.") }
            if range.span.count >= limit {
                throw Problem(message: range.rows ? "You can't delete all the rows on the sheet." : "You can't delete all the columns on the sheet.")
            }
            if range.rows { doc.sheets[range.sheet].deleteRows(range.span) } else { doc.sheets[range.sheet].deleteColumns(range.span) }
            return [:]
        case "setDataValidation":
            let target = try gridRange(payload["range"])
            let rule = payload["rule"]
            if let rule {
                guard let condition = rule["condition"], let type = condition["type"]?.string else {
                    throw Problem(message: "A data validation rule needs a condition.")
                }
                if type == "ONE_OF_LIST" && (condition["values"]?.array ?? []).isEmpty {
                    throw Problem(message: "Invalid ConditionValue: ONE_OF_LIST requires at least one value.")
                }
            }
            forEachCell(target) { $0.validation = rule }
            return [:]
        case "updateDimensionProperties":
            let range = try dimensionRange(payload["range"])
            guard FieldMask(payload["fields"]?.string) != nil else {
                throw Problem(message: "At least one field must be updated, but none were specified.")
            }
            doc.sheets[range.sheet].dimensionExtras["\(range.rows ? "ROWS" : "COLUMNS"):\(range.span)"] = payload["properties"]
            return [:]
        case "autoResizeDimensions":
            _ = try dimensionRange(payload["dimensions"])
            return [:]
        case "repeatCell":
            guard let mask = FieldMask(payload["fields"]?.string) else {
                throw Problem(message: "At least one field must be updated, but none were specified.")
            }
            let target = try gridRange(payload["range"])
            let data = payload["cell"] ?? .object([:])
            let parsed = try Self.cellChange(data)
            forEachCell(target) { Self.applyCell(&$0, data, parsed, mask) }
            return [:]
        case "updateCells":
            guard let mask = FieldMask(payload["fields"]?.string) else {
                throw Problem(message: "At least one field must be updated, but none were specified.")
            }
            let rows = payload["rows"]?.array ?? []
            let index: Int, origin: (Int, Int), bounds: GridRect?
            if let start = payload["start"] {
                index = try sheet(start["sheetId"])
                origin = (start["rowIndex"]?.int ?? 0, start["columnIndex"]?.int ?? 0)
                bounds = nil
            } else {
                let target = try gridRange(payload["range"])
                index = target.sheet
                origin = (target.rect.startRow, target.rect.startColumn)
                bounds = target.rect
            }
            let props = doc.sheets[index].properties
            for (r, row) in rows.enumerated() {
                for (c, data) in (row["values"]?.array ?? []).enumerated() {
                    let rowIndex = origin.0 + r, columnIndex = origin.1 + c
                    if let bounds, rowIndex >= bounds.endRow || columnIndex >= bounds.endColumn { continue }
                    guard rowIndex < props.rowCount, columnIndex < props.columnCount else {
                        let rect = GridRect(startRow: rowIndex, endRow: rowIndex + 1, startColumn: columnIndex, endColumn: columnIndex + 1)
                        throw Problem(
                            message:
                                "Range (\(A1Notation.format(title: props.title, rect, alwaysQuote: true))) exceeds grid limits. Max rows: \(props.rowCount), max columns: \(props.columnCount)"
                        )
                    }
                    let parsed = try Self.cellChange(data)
                    doc.sheets[index].update(rowIndex, columnIndex) { Self.applyCell(&$0, data, parsed, mask) }
                }
            }
            if let bounds {
                // Masked fields of cells in the range that no row covered are cleared.
                for r in bounds.startRow..<bounds.endRow {
                    let covered = r - origin.0 < rows.count ? (rows[r - origin.0]["values"]?.array?.count ?? 0) : 0
                    for c in (bounds.startColumn + covered)..<max(bounds.endColumn, bounds.startColumn + covered) {
                        doc.sheets[index].update(r, c) { Self.applyCell(&$0, .object([:]), nil, mask) }
                    }
                }
            }
            return [:]
        case "sortRange":
            let target = try gridRange(payload["range"])
            let specs = (payload["sortSpecs"]?.array ?? []).map { ($0["dimensionIndex"]?.int ?? 0, $0["sortOrder"]?.string == "DESCENDING") }
            doc.sheets[target.sheet].sort(rows: target.rect.startRow..<target.rect.endRow, by: specs)
            return [:]
        default:
            // Formatting requests Ringback may send; accepted, not modelled.
            return [:]
        }
    }

    private mutating func forEachCell(_ target: (sheet: Int, rect: GridRect), _ change: (inout StoredCell) -> Void) {
        for r in target.rect.startRow..<target.rect.endRow {
            for c in target.rect.startColumn..<target.rect.endColumn { doc.sheets[target.sheet].update(r, c, change) }
        }
    }

    /// userEnteredValue of a CellData: never parsed, whatever the text looks like.
    static func cellChange(_ data: JSONValue) throws(Problem) -> CellContent? {
        guard let value = data["userEnteredValue"], let members = value.object else { return nil }
        if let text = members["stringValue"]?.string { return text.isEmpty ? .empty : .text(text) }
        if let number = members["numberValue"]?.number { return .number(number) }
        if let flag = members["boolValue"]?.bool { return .bool(flag) }
        if let formula = members["formulaValue"]?.string { return .formula(formula) }
        if members.isEmpty { return .empty }
        throw Problem(message: "Invalid userEnteredValue.")
    }

    static func applyCell(_ cell: inout StoredCell, _ data: JSONValue, _ content: CellContent?, _ mask: FieldMask) {
        for path in mask.paths {
            switch path.first {
            case nil:
                cell.content = content ?? .empty
                cell.format = data["userEnteredFormat"]?.object
                cell.validation = data["dataValidation"]
            case "userEnteredValue": cell.content = content ?? .empty
            case "userEnteredFormat":
                let current: JSONValue = cell.format.map { .object($0) } ?? .object([:])
                let sub = FieldMask(paths: [Array(path.dropFirst())])
                let updated = sub.apply(from: data["userEnteredFormat"] ?? .object([:]), to: current).object ?? [:]
                cell.format = updated.isEmpty ? nil : updated
            case "dataValidation": cell.validation = data["dataValidation"]
            default: break
            }
        }
    }
}

extension FieldMask {
    init(paths: [[String]]) { self.paths = paths }
}
