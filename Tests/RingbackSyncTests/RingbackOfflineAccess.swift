import Foundation
import RingbackOffline

/// Reads and writes the sheet CSV the way a spreadsheet program would leave it, for tests.
enum RingbackOfflineAccess {
    static func document(at path: String) throws -> CSVSheetDocument {
        var target = CSVSheetTarget(path: path)
        target.nationalPhones = true  // the samples are a US business
        return try target.load()
    }

    /// A phone number as the samples' CSV shows it.
    static func displayedPhone(_ e164: String) -> String { CSVPhoneCell.display(e164) ?? e164 }

    /// Text as the weekly review's HTML page escapes it.
    static func escape(_ text: String) -> String { WeeklyReviewHTML.escape(text) }

    static func save(_ document: CSVSheetDocument, to path: String) throws {
        try AtomicFile.write(document.bytes(), to: path)
    }
}
