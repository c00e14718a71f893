import RingbackYAML

extension CSVSheetTarget {
    /// The `csv_sheet` target section: `path:` of the Missed Calls CSV.
    public static func load(_ item: YAMLValue, base: String) throws(YAMLFileError) -> CSVSheetTarget {
        try item.allowOnly(["type", "path"])
        return CSVSheetTarget(path: ConfigPath.resolve(try item.required("path").string(), base: base))
    }
}

extension ICSCalendarTarget {
    /// The `ics_calendar` target section: `path:` of the file and the calendar's `name:`.
    public static func load(_ item: YAMLValue, base: String) throws(YAMLFileError) -> ICSCalendarTarget {
        try item.allowOnly(["type", "path", "name"])
        return ICSCalendarTarget(path: ConfigPath.resolve(try item.required("path").string(), base: base),
                                 name: try item.optional("name")?.string() ?? "Ringback")
    }
}
