import Crypto
import CryptoExtras
import Foundation
import RingbackJSON

/// A local stand-in for Google's token endpoint, Sheets v4 and Calendar v3, faithful to recorded Google traffic, so that
/// Ringback's Google client can be tested (and demonstrated) without Google: same paths, same bodies, same errors,
/// plus injectable faults and per-method request counts.
package final class GoogleEmulator: Sendable {
    private let state: LockedState
    private let server: ServerSlot

    package init(options: EmulatorOptions = EmulatorOptions()) {
        state = LockedState(EmulatorState(options: options))
        server = ServerSlot()
    }

    deinit { stop() }

    /// Binds 127.0.0.1:port (0 = a free port) and serves on NIO threads; returns the base URL.
    @discardableResult
    package func start(port: Int = 0) throws -> URL {
        if let running = server.current { return URL(string: "http://127.0.0.1:\(running.port)")! }
        let running = try EmulatorServer(state: state, port: port)
        server.current = running
        state.withState { $0.baseURL = "http://127.0.0.1:\(running.port)" }
        return URL(string: "http://127.0.0.1:\(running.port)")!
    }

    package func stop() {
        server.take()?.stop()
    }

    package var baseURL: URL { URL(string: state.withState { $0.baseURL })! }

    // MARK: Accounts and auth

    /// Generates an RSA-2048 key, registers the account and returns its Google-format key file (JSON bytes).
    package func createServiceAccount(email: String) throws -> [UInt8] {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        return state.withState { state in
            let keyID = state.randomID(length: 40, alphabet: "0123456789abcdef")
            state.accounts[email] = ServiceAccountRecord(email: email, keyID: keyID, publicKey: key.publicKey)
            return ServiceAccountKeyFile.make(
                email: email, keyID: keyID, privateKeyPEM: key.pkcs8PEMRepresentation,
                tokenURI: state.baseURL + "/token")
        }
    }

    package func registerRefreshToken(_ token: String, clientID: String, clientSecret: String, email: String) {
        state.withState { $0.refreshTokens[token] = RefreshTokenRecord(clientID: clientID, clientSecret: clientSecret, email: email) }
    }

    package func revokeRefreshToken(_ token: String) {
        state.withState { $0.refreshTokens[token]?.revoked = true }
    }

    // MARK: Sheets

    /// `sharedWith` nil: anyone with a token may open it.
    package func createSpreadsheet(id: String, title: String = "Ringback test", sheets: [String] = ["Sheet1"], sharedWith: [String]? = nil) {
        state.withState { state in
            var grids: [SheetGrid] = []
            for (index, name) in sheets.enumerated() {
                let sheetID = index == 0 ? 0 : Int(state.random.next() % 2_147_483_646) + 1
                grids.append(SheetGrid(properties: SheetProperties(sheetId: sheetID, title: name, index: index)))
            }
            state.spreadsheets[id] = Spreadsheet(id: id, title: title, sheets: grids, sharedWith: sharedWith.map(Set.init))
        }
    }

    /// The grid as the office sees it in the browser: formatted values, trailing empty rows and cells trimmed.
    package func formattedValues(spreadsheetID: String, sheet: String) -> [[String]]? {
        state.withState { $0.formattedGrid(spreadsheetID: spreadsheetID, sheet: sheet) }
    }

    /// What a cell holds; row and column are 0-based.
    package func cell(spreadsheetID: String, sheet: String, row: Int, column: Int) -> EmulatorCell {
        state.withState { state in
            guard let doc = state.spreadsheets[spreadsheetID], let index = doc.sheetIndex(title: sheet) else { return .empty }
            switch doc.sheets[index].cell(row, column).content {
            case .empty: return .empty
            case .text(let text): return .string(text)
            case .number(let number): return .number(number)
            case .bool(let flag): return .bool(flag)
            case .formula(let formula): return .formula(formula)
            }
        }
    }

    private func editSheet(_ spreadsheetID: String, _ sheet: String, _ change: (inout SheetGrid) -> Void) {
        state.withState { state in
            guard let index = state.spreadsheets[spreadsheetID]?.sheetIndex(title: sheet) else { return }
            change(&state.spreadsheets[spreadsheetID]!.sheets[index])
        }
    }

    /// Someone typing into a cell in the browser (read like USER_ENTERED).
    package func type(_ text: String, spreadsheetID: String, sheet: String, row: Int, column: Int) {
        editSheet(spreadsheetID, sheet) { grid in
            guard row < grid.properties.rowCount, column < grid.properties.columnCount else { return }
            let parsed = UserEnteredParser.parse(text)
            grid.update(row, column) { cell in
                cell.content = parsed.content
                if let format = parsed.numberFormat { cell.setNumberFormat(type: format.type, pattern: format.pattern) }
            }
        }
    }

    /// Someone deleting a row (0-based) in the browser.
    package func deleteRow(spreadsheetID: String, sheet: String, row: Int) {
        editSheet(spreadsheetID, sheet) { grid in
            guard row < grid.properties.rowCount, grid.properties.rowCount > 1 else { return }
            grid.deleteRows(row..<(row + 1))
        }
    }

    /// Someone sorting the rows (below the header) by a column.
    package func sortRows(spreadsheetID: String, sheet: String, byColumn: Int, descending: Bool = false, keepingHeader: Bool = true) {
        editSheet(spreadsheetID, sheet) { grid in
            grid.sort(rows: (keepingHeader ? 1 : 0)..<grid.properties.rowCount, by: [(byColumn, descending)])
        }
    }

    /// Someone deleting a whole tab.
    /// Renames a tab as the office would in the browser; its id stays.
    package func renameSheet(spreadsheetID: String, sheet: String, to title: String) {
        state.withState { state in
            guard let index = state.spreadsheets[spreadsheetID]?.sheetIndex(title: sheet) else { return }
            state.spreadsheets[spreadsheetID]!.sheets[index].properties.title = title
        }
    }

    package func deleteSheet(spreadsheetID: String, sheet: String) {
        state.withState { state in
            guard let index = state.spreadsheets[spreadsheetID]?.sheetIndex(title: sheet) else { return }
            state.spreadsheets[spreadsheetID]!.sheets.remove(at: index)
            state.spreadsheets[spreadsheetID]!.reindex()
        }
    }

    /// The read-only page of a tab served at `/emulator/spreadsheets/{id}/{tab}/view` (see `SheetHTMLView`).
    package func htmlView(spreadsheetID: String, sheet: String) -> String? {
        state.withState { $0.htmlView(spreadsheetID: spreadsheetID, sheet: sheet) }
    }

    /// A tab's properties as spreadsheets.get returns them.
    package func sheetProperties(spreadsheetID: String, sheet: String) -> JSONValue? {
        state.withState { state in
            guard let doc = state.spreadsheets[spreadsheetID], let index = doc.sheetIndex(title: sheet) else { return nil }
            return doc.sheets[index].properties.json()
        }
    }

    /// A tab's conditional formats, filter views and charts, as spreadsheets.get lists them.
    package func decorations(spreadsheetID: String, sheet: String) -> JSONValue? {
        state.withState { state in
            guard let doc = state.spreadsheets[spreadsheetID], let index = doc.sheetIndex(title: sheet) else { return nil }
            var object: [String: JSONValue] = [:]
            doc.sheets[index].decorations.add(to: &object)
            return .object(object)
        }
    }

    /// Validation rules of a tab as `{range, rule}` objects: one per run of rows with the same rule in a column.
    package func dataValidations(spreadsheetID: String, sheet: String) -> [JSONValue] {
        state.withState { state in
            guard let doc = state.spreadsheets[spreadsheetID], let index = doc.sheetIndex(title: sheet) else { return [] }
            let grid = doc.sheets[index]
            var result: [JSONValue] = []
            let width = grid.rows.map(\.count).max() ?? 0
            for column in 0..<width {
                var row = 0
                while row < grid.rows.count {
                    guard let rule = grid.cell(row, column).validation else { row += 1; continue }
                    var end = row + 1
                    while end < grid.rows.count, grid.cell(end, column).validation == rule { end += 1 }
                    result.append([
                        "range": [
                            "sheetId": .number(Double(grid.properties.sheetId)), "startRowIndex": .number(Double(row)),
                            "endRowIndex": .number(Double(end)), "startColumnIndex": .number(Double(column)),
                            "endColumnIndex": .number(Double(column + 1)),
                        ],
                        "rule": rule,
                    ])
                    row = end
                }
            }
            return result
        }
    }

    // MARK: Calendar

    package func createCalendar(id: String, timeZone: String = "America/Chicago", sharedWith: [String]? = nil) {
        state.withState { $0.calendars[id] = CalendarData(id: id, timeZone: timeZone, sharedWith: sharedWith.map(Set.init)) }
    }

    /// Every event of a calendar, cancelled ones included, as events.get returns them, in insertion order.
    package func events(calendarID: String) -> [JSONValue] {
        state.withState { state in
            guard let calendar = state.calendars[calendarID] else { return [] }
            return calendar.events.values.sorted { $0.order < $1.order }.map { calendar.resource($0) }
        }
    }

    /// The crew deleting an event in the Calendar app: it stays, cancelled.
    package func deleteEvent(calendarID: String, eventID: String) {
        state.withState { _ = $0.crewDelete(calendarID: calendarID, eventID: eventID, now: Date()) }
    }

    /// The crew changing an event in the Calendar app (e.g. `["start": …, "end": …]` to move a job), merged as
    /// events.patch merges; returns the event as Google now holds it.
    @discardableResult
    package func editEvent(calendarID: String, eventID: String, _ patch: JSONValue) throws -> JSONValue {
        try state.withState { state in try state.crewPatch(calendarID: calendarID, eventID: eventID, patch, now: Date()) }
    }

    /// The crew moving an event to another calendar in the Calendar app (what events.move does).
    @discardableResult
    package func moveEvent(calendarID: String, eventID: String, to destination: String) throws -> JSONValue {
        try state.withState { state in try state.moveEvent(eventID, from: calendarID, to: destination, now: Date()) }
    }

    /// Google expiring every sync token issued so far: the next incremental listing answers 410 `fullSyncRequired`.
    package func expireSyncTokens() {
        state.withState { $0.expireSyncTokens() }
    }

    // MARK: Faults and counts

    package var faults: FaultOptions {
        get { state.withState { $0.faults } }
        set { state.withState { $0.faults = newValue } }
    }

    /// Refuses the next API request whose body contains `text` with a 400, without applying it: a run
    /// stopped at exactly that write, as if the process had died there.
    package func refuseNext(bodyContaining text: String) {
        state.withState { $0.refusals.append(text) }
    }

    /// HTTP requests served, by API method name; faulted ones included.
    package func requestCounts() -> [String: Int] { state.withState { $0.counts } }

    package func resetCounts() { state.withState { $0.counts = [:] } }
}

/// The running server, if any, behind a lock.
private final class ServerSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var running: EmulatorServer?

    var current: EmulatorServer? {
        get { lock.withLock { running } }
        set { lock.withLock { running = newValue } }
    }

    func take() -> EmulatorServer? {
        lock.withLock {
            defer { running = nil }
            return running
        }
    }
}
