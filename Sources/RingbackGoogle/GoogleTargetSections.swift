import RingbackCore
import RingbackYAML

/// Where a `google_sheet` target writes: the spreadsheet and the tab.
package struct GoogleSheetSection: Sendable, Hashable {
    package var spreadsheetID: String
    package var tab: String

    package var label: String { "google-sheet:\(spreadsheetID)/\(tab)" }

    package static func load(_ item: YAMLValue) throws(YAMLFileError) -> GoogleSheetSection {
        try item.allowOnly(["type", "spreadsheet_id", "tab"])
        let idNode = try item.required("spreadsheet_id")
        let id = try spreadsheetID(try idNode.string(), node: idNode)
        let tab = try item.optional("tab")?.text(expected: "the tab's name, e.g. \(SheetColumn.tabName)") ?? SheetColumn.tabName
        return GoogleSheetSection(spreadsheetID: id, tab: tab)
    }

    /// Accepts the id or the whole address of the sheet as copied from the browser.
    package static func spreadsheetID(_ text: String, node: YAMLValue) throws(YAMLFileError) -> String {
        var id = text.trimmingCharacters(in: .whitespaces)
        if let range = id.range(of: "/spreadsheets/d/") {
            id = String(id[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" })
        }
        guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            throw node.error("found `\(text)`; expected a spreadsheet id, copied from the sheet's address: docs.google.com/spreadsheets/d/<id>/edit")
        }
        return id
    }
}

extension CalendarRouting {
    /// The `google_calendar` target section: the shared `calendar_id` and the crew's own `owner_calendars`.
    package static func load(_ item: YAMLValue) throws(YAMLFileError) -> CalendarRouting {
        try item.allowOnly(["type", "calendar_id", "owner_calendars"])
        let calendar = try item.required("calendar_id").text(expected: "a calendar id like primary or ...@group.calendar.google.com")
        var byOwner: [String: String] = [:]
        for (owner, value) in try item.optional("owner_calendars")?.entries() ?? [] {
            let id = try value.text(expected: "the calendar id of `\(owner)`'s calendar")
            byOwner[owner] = id
        }
        return CalendarRouting(defaultCalendar: calendar, byOwner: byOwner)
    }
}
