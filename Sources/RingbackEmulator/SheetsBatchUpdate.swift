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

    mutating func nextSheetID() -> Int {
        idPool.isEmpty ? Int.random(in: 1..<2_147_483_647) : idPool.removeFirst()
    }

    static let supported: Set<String> = [
        "addSheet", "deleteSheet", "updateSheetProperties", "appendDimension", "insertDimension", "deleteDimension",
        "setDataValidation", "updateDimensionProperties", "repeatCell", "updateCells", "autoResizeDimensions",
        "updateSpreadsheetProperties", "sortRange", "addConditionalFormatRule", "updateBorders", "mergeCells", "unmergeCells",
        "addFilterView", "addChart",
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

    func sheet(_ id: JSONValue?) throws(Problem) -> Int {
        let sheetID = id?.int ?? 0
        guard let index = doc.sheetIndex(id: sheetID) else { throw Problem(message: "No grid with id: \(sheetID)") }
        return index
    }

    /// A GridRange: missing ends run to the grid's edges.
    func gridRange(_ range: JSONValue?) throws(Problem) -> (sheet: Int, rect: GridRect) {
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
        case "addSheet": return try addSheet(payload)
        case "deleteSheet": try deleteSheet(payload)
        case "updateSheetProperties": try updateSheetProperties(payload)
        case "updateSpreadsheetProperties": updateSpreadsheetProperties(payload)
        case "appendDimension": try appendDimension(payload)
        case "insertDimension": try insertDimension(payload)
        case "deleteDimension": try deleteDimension(payload)
        case "setDataValidation": try setDataValidation(payload)
        case "updateDimensionProperties": try updateDimensionProperties(payload)
        case "autoResizeDimensions": try autoResizeDimensions(payload)
        case "repeatCell": try repeatCell(payload)
        case "updateCells": try updateCells(payload)
        case "sortRange": try sortRange(payload)
        case "addConditionalFormatRule": return try addConditionalFormatRule(payload)
        case "addFilterView": return try addFilterView(payload)
        case "addChart": return try addChart(payload)
        default:
            // Formatting requests Ringback may send; accepted, not modelled.
            break
        }
        return [:]
    }

    private static let noFieldsMessage = "At least one field must be updated, but none were specified."

    private func requiredMask(_ payload: JSONValue) throws(Problem) -> FieldMask {
        guard let mask = FieldMask(payload["fields"]?.string) else { throw Problem(message: Self.noFieldsMessage) }
        return mask
    }

    private mutating func addSheet(_ payload: JSONValue) throws(Problem) -> JSONValue {
        let given = payload["properties"] ?? .object([:])
        let id = try newSheetID(given["sheetId"]?.int)
        let title = given["title"]?.string ?? defaultSheetTitle()
        try validateTitle(title)
        let props = Self.newSheetProperties(given, id: id, title: title, defaultIndex: doc.sheets.count)
        guard props.index >= 0, props.index <= doc.sheets.count else { throw Problem(message: "Invalid index \(props.index).") }
        for i in doc.sheets.indices where doc.sheets[i].properties.index >= props.index { doc.sheets[i].properties.index += 1 }
        doc.sheets.append(SheetGrid(properties: props))
        doc.reindex()
        return ["addSheet": ["properties": doc.sheets[doc.sheetIndex(id: id)!].properties.json()]]
    }

    /// The requested id, which must be free, or a fresh one from the pool.
    private mutating func newSheetID(_ requested: Int?) throws(Problem) -> Int {
        var id = requested
        if let id, doc.sheetIndex(id: id) != nil { throw Problem(message: "A sheet with the id \(id) already exists.") }
        while id == nil || doc.sheetIndex(id: id!) != nil { id = nextSheetID() }
        return id!
    }

    /// The first free `SheetN`, counting from one past the number of tabs.
    private func defaultSheetTitle() -> String {
        var number = doc.sheets.count + 1
        while doc.sheetIndex(title: "Sheet\(number)") != nil { number += 1 }
        return "Sheet\(number)"
    }

    private static func newSheetProperties(_ given: JSONValue, id: Int, title: String, defaultIndex: Int) -> SheetProperties {
        var props = SheetProperties(sheetId: id, title: title, index: given["index"]?.int ?? defaultIndex)
        props.rowCount = given["gridProperties"]?["rowCount"]?.int ?? 1000
        props.columnCount = given["gridProperties"]?["columnCount"]?.int ?? 26
        props.frozenRowCount = given["gridProperties"]?["frozenRowCount"]?.int ?? 0
        props.frozenColumnCount = given["gridProperties"]?["frozenColumnCount"]?.int ?? 0
        props.hidden = given["hidden"]?.bool ?? false
        if let tab = given["tabColor"] { props.extra["tabColor"] = tab }
        return props
    }

    private mutating func deleteSheet(_ payload: JSONValue) throws(Problem) {
        let index = try sheet(payload["sheetId"])
        if doc.sheets.count == 1 { throw Problem(message: "You can't remove all the sheets in a document.") }
        doc.sheets.remove(at: index)
        if !doc.sheets.contains(where: { !$0.properties.hidden }) {
            throw Problem(message: "You can't remove all the visible sheets in a document.")
        }
        doc.reindex()
    }

    private mutating func updateSheetProperties(_ payload: JSONValue) throws(Problem) {
        let mask = try requiredMask(payload)
        let given = payload["properties"] ?? .object([:])
        let index = try sheet(given["sheetId"])
        let before = doc.sheets[index].properties
        var merged = mask.apply(from: given, to: before.json()).object ?? [:]
        merged["sheetId"] = .number(Double(before.sheetId))
        var props: SheetProperties
        do { props = try SheetProperties.from(.object(merged)) } catch { throw Problem(message: "Invalid properties.") }
        try validateSheetProperties(props)
        doc.sheets[index].properties = props
        if !doc.sheets.contains(where: { !$0.properties.hidden }) { throw Problem(message: "You can't hide all the sheets in a document.") }
        doc.sheets[index].trimToGrid()
        if props.index != before.index { moveSheet(from: index, to: props.index) }
    }

    private func validateSheetProperties(_ props: SheetProperties) throws(Problem) {
        if props.title.isEmpty { throw Problem(message: "Sheet title must not be empty.") }
        try validateTitle(props.title, except: props.sheetId)
        if props.rowCount < 1 || props.columnCount < 1 { throw Problem(message: "Grid must have at least one row and one column.") }
        if props.frozenRowCount >= props.rowCount && props.frozenRowCount > 0 {
            throw Problem(message: "You can't freeze all visible rows on the sheet.")
        }
        if props.frozenColumnCount >= props.columnCount && props.frozenColumnCount > 0 {
            throw Problem(message: "You can't freeze all visible columns on the sheet.")
        }
    }

    /// Moves a tab to a new position (clamped) and renumbers every tab's index.
    private mutating func moveSheet(from index: Int, to newIndex: Int) {
        let moving = doc.sheets.remove(at: index)
        doc.sheets.insert(moving, at: min(max(newIndex, 0), doc.sheets.count))
        for i in doc.sheets.indices { doc.sheets[i].properties.index = i }
    }

    private mutating func updateSpreadsheetProperties(_ payload: JSONValue) {
        if let title = payload["properties"]?["title"]?.string, payload["fields"]?.string?.contains("title") == true { doc.title = title }
    }

    private mutating func appendDimension(_ payload: JSONValue) throws(Problem) {
        let index = try sheet(payload["sheetId"])
        let length = payload["length"]?.int ?? 0
        guard length > 0 else { throw Problem(message: "length must be greater than zero.") }
        switch payload["dimension"]?.string {
        case "ROWS": doc.sheets[index].properties.rowCount += length
        case "COLUMNS": doc.sheets[index].properties.columnCount += length
        default: throw Problem(message: "dimension must be ROWS or COLUMNS.")
        }
    }

    private mutating func insertDimension(_ payload: JSONValue) throws(Problem) {
        let range = try dimensionRange(payload["range"])
        let limit = range.rows ? doc.sheets[range.sheet].properties.rowCount : doc.sheets[range.sheet].properties.columnCount
        guard range.span.lowerBound <= limit else { throw Problem(message: "Invalid dimension range: start index is beyond the grid.") }
        if range.rows {
            doc.sheets[range.sheet].insertRows(at: range.span.lowerBound, count: range.span.count)
        } else {
            doc.sheets[range.sheet].insertColumns(at: range.span.lowerBound, count: range.span.count)
        }
    }

    private mutating func deleteDimension(_ payload: JSONValue) throws(Problem) {
        let range = try dimensionRange(payload["range"])
        let props = doc.sheets[range.sheet].properties
        let limit = range.rows ? props.rowCount : props.columnCount
        guard range.span.upperBound <= limit else { throw Problem(message: "Invalid dimension range: end index is beyond the grid.") }
        if range.span.count >= limit {
            throw Problem(message: range.rows ? "You can't delete all the rows on the sheet." : "You can't delete all the columns on the sheet.")
        }
        if range.rows { doc.sheets[range.sheet].deleteRows(range.span) } else { doc.sheets[range.sheet].deleteColumns(range.span) }
    }

    private mutating func setDataValidation(_ payload: JSONValue) throws(Problem) {
        let target = try gridRange(payload["range"])
        let rule = payload["rule"]
        if let rule { try Self.validateRule(rule) }
        forEachCell(target) { $0.validation = rule }
    }

    private static func validateRule(_ rule: JSONValue) throws(Problem) {
        guard let condition = rule["condition"], let type = condition["type"]?.string else {
            throw Problem(message: "A data validation rule needs a condition.")
        }
        if type == "ONE_OF_LIST" && (condition["values"]?.array ?? []).isEmpty {
            throw Problem(message: "Invalid ConditionValue: ONE_OF_LIST requires at least one value.")
        }
    }

    private mutating func updateDimensionProperties(_ payload: JSONValue) throws(Problem) {
        let range = try dimensionRange(payload["range"])
        _ = try requiredMask(payload)
        doc.sheets[range.sheet].dimensionExtras["\(range.rows ? "ROWS" : "COLUMNS"):\(range.span)"] = payload["properties"]
    }

    private func autoResizeDimensions(_ payload: JSONValue) throws(Problem) {
        _ = try dimensionRange(payload["dimensions"])
    }

    private mutating func repeatCell(_ payload: JSONValue) throws(Problem) {
        let mask = try requiredMask(payload)
        let target = try gridRange(payload["range"])
        let data = payload["cell"] ?? .object([:])
        let parsed = try Self.cellChange(data)
        forEachCell(target) { Self.applyCell(&$0, data, parsed, mask) }
    }

    private typealias CellsTarget = (sheet: Int, origin: (row: Int, column: Int), bounds: GridRect?)

    private mutating func updateCells(_ payload: JSONValue) throws(Problem) {
        let mask = try requiredMask(payload)
        let rows = payload["rows"]?.array ?? []
        let target = try cellsTarget(payload)
        try writeRows(rows, to: target, mask)
        if let bounds = target.bounds { clearUncovered(bounds, rows, target, mask) }
    }

    /// Where updateCells writes: from `start` (unbounded) or within `range`.
    private func cellsTarget(_ payload: JSONValue) throws(Problem) -> CellsTarget {
        if let start = payload["start"] {
            return (try sheet(start["sheetId"]), (start["rowIndex"]?.int ?? 0, start["columnIndex"]?.int ?? 0), nil)
        }
        let target = try gridRange(payload["range"])
        return (target.sheet, (target.rect.startRow, target.rect.startColumn), target.rect)
    }

    private mutating func writeRows(_ rows: [JSONValue], to target: CellsTarget, _ mask: FieldMask) throws(Problem) {
        let props = doc.sheets[target.sheet].properties
        for (r, row) in rows.enumerated() {
            for (c, data) in (row["values"]?.array ?? []).enumerated() {
                let rowIndex = target.origin.row + r, columnIndex = target.origin.column + c
                if let bounds = target.bounds, rowIndex >= bounds.endRow || columnIndex >= bounds.endColumn { continue }
                guard rowIndex < props.rowCount, columnIndex < props.columnCount else {
                    throw Self.cellOutsideGrid(props, row: rowIndex, column: columnIndex)
                }
                let parsed = try Self.cellChange(data)
                doc.sheets[target.sheet].update(rowIndex, columnIndex) { Self.applyCell(&$0, data, parsed, mask) }
            }
        }
    }

    private static func cellOutsideGrid(_ props: SheetProperties, row: Int, column: Int) -> Problem {
        let rect = GridRect(startRow: row, endRow: row + 1, startColumn: column, endColumn: column + 1)
        return Problem(
            message:
                "Range (\(A1Notation.format(title: props.title, rect, alwaysQuote: true))) exceeds grid limits. Max rows: \(props.rowCount), max columns: \(props.columnCount)"
        )
    }

    /// Masked fields of cells in the range that no row covered are cleared.
    private mutating func clearUncovered(_ bounds: GridRect, _ rows: [JSONValue], _ target: CellsTarget, _ mask: FieldMask) {
        for r in bounds.startRow..<bounds.endRow {
            let covered = r - target.origin.row < rows.count ? (rows[r - target.origin.row]["values"]?.array?.count ?? 0) : 0
            for c in (bounds.startColumn + covered)..<max(bounds.endColumn, bounds.startColumn + covered) {
                doc.sheets[target.sheet].update(r, c) { Self.applyCell(&$0, .object([:]), nil, mask) }
            }
        }
    }

    private mutating func sortRange(_ payload: JSONValue) throws(Problem) {
        let target = try gridRange(payload["range"])
        let specs = (payload["sortSpecs"]?.array ?? []).map { ($0["dimensionIndex"]?.int ?? 0, $0["sortOrder"]?.string == "DESCENDING") }
        doc.sheets[target.sheet].sort(rows: target.rect.startRow..<target.rect.endRow, by: specs)
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
