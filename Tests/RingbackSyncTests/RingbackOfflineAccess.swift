import Foundation
import RingbackOffline

/// Reads and writes the sheet CSV the way a spreadsheet program would leave it, for tests.
enum RingbackOfflineAccess {
    static func document(at path: String) throws -> CSVSheetDocument {
        try CSVSheetTarget(path: path).load()
    }

    static func save(_ document: CSVSheetDocument, to path: String) throws {
        try AtomicFile.write(document.bytes(), to: path)
    }
}
