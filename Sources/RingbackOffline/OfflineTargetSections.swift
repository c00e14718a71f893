import RingbackYAML

extension CSVSheetTarget {
    /// The `csv_sheet` target section: `path:` of the Missed Calls CSV.
    public static func load(_ item: YAMLValue, base: String) throws(YAMLFileError) -> CSVSheetTarget {
        try item.allowOnly(["type", "path"])
        return CSVSheetTarget(path: try ConfigPathCheck.check(try item.required("path"), base: base, need: .writableFile))
    }
}

extension ICSCalendarTarget {
    /// The `ics_calendar` target section: `path:` of the file and the calendar's `name:`.
    public static func load(_ item: YAMLValue, base: String) throws(YAMLFileError) -> ICSCalendarTarget {
        try item.allowOnly(["type", "path", "name"])
        return ICSCalendarTarget(path: try ConfigPathCheck.check(try item.required("path"), base: base, need: .writableFile),
                                 name: try item.optional("name")?.text(expected: "the calendar's name, e.g. Callbacks") ?? "Ringback")
    }
}
