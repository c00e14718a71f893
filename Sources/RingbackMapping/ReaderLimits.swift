/// The bounds every export reader keeps, in one place. An export is untrusted input: a phone system
/// cut off by a power failure, a file dropped in the wrong folder, or one built to hurt. Each limit
/// turns such a file into a reject naming the file, quickly and in bounded memory, while the run
/// reads the other files; real exports stay far below every one of them.
public enum ReaderLimits {
    /// Largest CSV export read (a year of a busy office's CDRs is a few hundred MB).
    public static let csvFileBytes = 1 << 30
    /// Largest JSON export read: API pages and webhook dumps are kB to a few MB.
    public static let jsonFileBytes = 256 << 20
    /// Largest XML or HTML file read: one FreeSWITCH CDR or one Takeout page is a few kB.
    public static let markupFileBytes = 16 << 20
    /// Longest text of one field (a transcript, a caller name); a sheet cell holds at most 50,000 characters.
    public static let fieldBytes = 64 << 10
    /// Deepest nesting of JSON arrays and objects, or of XML and HTML elements (libxml2's own default
    /// for XML, which Ringback keeps by never asking for XML_PARSE_HUGE).
    public static let nestingDepth = 256

    /// The largest file `format` reads.
    public static func fileBytes(_ format: MappingSpec.Format) -> Int {
        switch format {
        case .csv: return csvFileBytes
        case .json: return jsonFileBytes
        case .xml, .html: return markupFileBytes
        }
    }

    /// "17.5 MB": sizes in reject reasons, in the office's units.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + (1 << 20) - 1) >> 20
        return tenths % 10 == 0 ? "\(tenths / 10) MB" : "\(tenths / 10).\(tenths % 10) MB"
    }

    /// "70 KB": field sizes in reject reasons.
    static func kilobytes(_ bytes: Int) -> String {
        "\((bytes + 1023) >> 10) KB"
    }
}
