import RingbackOffline
import RingbackYAML

extension XLSXSheetTarget {
    /// The `xlsx_sheet` target section: `path:` of the Missed Calls workbook, and `archive:`, the workbook
    /// closed leads move to (default beside it, `missed-calls-archive.xlsx`).
    package static func load(_ item: YAMLValue, base: String) throws(YAMLFileError) -> XLSXSheetTarget {
        try item.allowOnly(["type", "path", "archive"])
        let path = try ConfigPathCheck.check(try item.required("path"), base: base, need: .writableFile)
        let archive = try item.optional("archive").map { node throws(YAMLFileError) in
            try ConfigPathCheck.check(node, base: base, need: .writableFile)
        }
        return XLSXSheetTarget(path: path, label: offlineLabel("xlsx-sheet", path: path, base: base), archivePath: archive)
    }
}
