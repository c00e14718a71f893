import RingbackYAML

/// A file target's name in the state: its type and its path relative to the configuration's folder.
package func offlineLabel(_ type: String, path: String, base: String) -> String {
    "\(type):\(ConfigPath.relative(path, to: base))"
}

extension CSVSheetTarget {
    /// The `csv_sheet` target section: `path:` of the Missed Calls CSV, and `archive:`, the CSV closed
    /// leads move to (default beside it, `missed-calls-archive.csv`).
    package static func load(_ item: YAMLValue, base: String) throws(YAMLFileError) -> CSVSheetTarget {
        try item.allowOnly(["type", "path", "archive"])
        let path = try ConfigPathCheck.check(try item.required("path"), base: base, need: .writableFile)
        let archive = try item.optional("archive").map { node throws(YAMLFileError) in
            try ConfigPathCheck.check(node, base: base, need: .writableFile)
        }
        return CSVSheetTarget(path: path, label: offlineLabel("csv-sheet", path: path, base: base), archivePath: archive)
    }
}

extension ICSCalendarTarget {
    /// The `ics_calendar` target section: `path:` of the file and the calendar's `name:`.
    package static func load(_ item: YAMLValue, base: String) throws(YAMLFileError) -> ICSCalendarTarget {
        try item.allowOnly(["type", "path", "name"])
        let path = try ConfigPathCheck.check(try item.required("path"), base: base, need: .writableFile)
        return ICSCalendarTarget(
            path: path, name: try item.optional("name")?.text(expected: "the calendar's name, e.g. Callbacks") ?? "Ringback",
            label: offlineLabel("ics-calendar", path: path, base: base))
    }
}
