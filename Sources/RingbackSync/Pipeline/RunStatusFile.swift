import Foundation
import RingbackCodecs
import RingbackCore
import RingbackOffline

/// One line per run appended to a CSV beside the sheet: when Ringback ran and what it found, so the
/// office sees the nightly job is alive (and when it stopped bringing calls) without reading a log.
struct RunStatusFile {
    let path: String
    func append(_ report: RunReport) throws(OfflineTargetError) {
        var bytes = try AtomicFile.read(path) ?? []
        let writer = CSVWriter(lineSafe: true)
        if bytes.isEmpty {
            bytes = LenientText.byteOrderMark
            writer.appendRow(RunReport.header, to: &bytes)
        }
        writer.appendRow(report.cells.map(SpreadsheetText.protect), to: &bytes)
        try AtomicFile.write(bytes, to: path)
    }
}
