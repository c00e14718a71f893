import Foundation
import RingbackCodecs
import RingbackCore
import RingbackMapping
import RingbackOffline

/// Records that could not be read, appended run after run to a CSV the office or the set-up person can open.
struct RejectsFile {
    let path: String
    static let header = ["Run", "File", "Line or record", "Reason", "Record"]

    func append(_ rejects: [RecordReject], at time: Date) throws(OfflineTargetError) {
        var bytes = try AtomicFile.read(path) ?? []
        let writer = CSVWriter(lineSafe: true)
        if bytes.isEmpty {
            bytes = LenientText.byteOrderMark
            writer.appendRow(RejectsFile.header, to: &bytes)
        }
        // A file read again (it grew, or a run was interrupted) must not list the same record twice.
        var listed = Set<[String]>()
        for record in CSVReader(bytes: bytes).readAll().records.dropFirst() where record.fields.count >= 4 {
            listed.insert(record.fields[1...3].map(SpreadsheetText.unprotect))
        }
        let stamp = ISO8601DateFormatter().string(from: time)
        for reject in rejects where listed.insert([reject.file, reject.location, reject.reason]).inserted {
            writer.appendRow([stamp, reject.file, reject.location, reject.reason, reject.raw].map(SpreadsheetText.protect), to: &bytes)
        }
        try AtomicFile.write(bytes, to: path)
    }
}
