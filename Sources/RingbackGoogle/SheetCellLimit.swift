import Foundation

/// Google refuses a cell over 50,000 characters, and with it the whole write, on every run. Text longer than
/// that (a long voicemail transcript) is cut to fit with a marker saying how long it was and where the whole
/// of it is; the state keeps the full text, and a cut cell read back counts as the text Ringback wrote.
package enum SheetCellLimit {
    /// Sheets' limit, in UTF-16 units as Sheets counts them.
    package static let maxCharacters = 50_000

    /// Where the whole text is, as the marker says it.
    package static let transcriptLink = "the transcript link"
    package static let export = "the phone system's export"

    /// `text` whole when it fits; otherwise its start and `… [cut: 61,234 characters; full text in the transcript link]`.
    package static func fitted(_ text: String, fullTextIn place: String) -> String {
        let length = text.utf16.count
        guard length > maxCharacters else { return text }
        let marker = "\(markerStart(length)); full text in \(place)]"
        let budget = maxCharacters - marker.utf16.count
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let width = text[index].utf16.count
            guard used + width <= budget else { break }
            used += width
            end = text.index(after: index)
        }
        return String(text[..<end]) + marker
    }

    /// True when `cell` is what `fitted` makes of `full`: the start of it and a marker giving its length.
    package static func isCut(_ cell: String, of full: String) -> Bool {
        let length = full.utf16.count
        guard length > maxCharacters, cell.utf16.count <= maxCharacters, cell.hasSuffix("]"),
            let marker = cell.range(of: markerStart(length), options: .backwards)
        else { return false }
        return full.hasPrefix(cell[..<marker.lowerBound])
    }

    private static func markerStart(_ length: Int) -> String { "… [cut: \(grouped(length)) characters" }

    /// `61234` as `61,234`, the same on every machine whatever its locale.
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
