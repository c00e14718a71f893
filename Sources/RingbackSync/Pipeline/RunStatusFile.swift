import Foundation
import RingbackCodecs
import RingbackCore
import RingbackOffline

/// One line per run appended to a CSV beside the sheet: when Ringback ran and what it found, so the
/// office sees the nightly job is alive (and when it stopped bringing calls) without reading a log.
struct RunStatusFile {
    let path: String
    static let header = ["Run", "Files read", "New calls", "Leads", "Rejected records", "Problems", "Summary"]

    func append(_ plan: SyncPlan, problems: Int, at time: String) throws(OfflineTargetError) {
        var bytes = try AtomicFile.read(path) ?? []
        let writer = CSVWriter(lineSafe: true)
        if bytes.isEmpty {
            bytes = LenientText.byteOrderMark
            writer.appendRow(Self.header, to: &bytes)
        }
        let i = plan.ingest
        let row = [time, String(i.filesRead), String(i.newCalls), String(i.leads), String(i.rejects), String(problems), plan.summaryLine]
        writer.appendRow(row.map(SpreadsheetText.protect), to: &bytes)
        try AtomicFile.write(bytes, to: path)
    }
}
