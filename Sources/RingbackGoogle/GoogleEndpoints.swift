import Foundation

/// Where Ringback sends its Google calls: Google itself, or the local emulator for tests and rehearsals.
package struct GoogleEndpoints: Sendable, Hashable {
    /// Root of Sheets v4 (`v4/spreadsheets/…` is appended).
    package var sheets: URL
    /// Root of Calendar v3 (`calendar/v3/…` and `batch/calendar/v3` are appended).
    package var calendar: URL
    /// Token endpoint; nil means the key file's `token_uri`, or Google's for refresh tokens.
    package var token: URL?

    package init(sheets: URL, calendar: URL, token: URL? = nil) {
        self.sheets = sheets
        self.calendar = calendar
        self.token = token
    }

    package static let google = GoogleEndpoints(
        sheets: URL(string: "https://sheets.googleapis.com/")!,
        calendar: URL(string: "https://www.googleapis.com/")!)

    /// Everything on one host, as the emulator serves it: the APIs at `base`, tokens at `base/token`.
    package static func emulator(_ base: URL) -> GoogleEndpoints {
        GoogleEndpoints(sheets: base, calendar: base, token: base.appendingPathComponent("token"))
    }

    /// Google's token endpoint, used when neither the config nor a key file names another.
    package static let googleToken = URL(string: "https://oauth2.googleapis.com/token")!

    /// `root` followed by `path` (no leading slash) and an already encoded query.
    static func url(_ root: URL, _ path: String, query: String? = nil) -> URL? {
        var text = root.absoluteString
        if !text.hasSuffix("/") { text += "/" }
        text += path.hasPrefix("/") ? String(path.dropFirst()) : path
        if let query, !query.isEmpty { text += "?" + query }
        return URL(string: text)
    }
}

/// The OAuth scopes Ringback asks for: read and write the spreadsheet, and the calendar's events.
package enum GoogleScopes {
    package static let sheets = "https://www.googleapis.com/auth/spreadsheets"
    package static let calendar = "https://www.googleapis.com/auth/calendar"
}
