/// A declarative description of one phone system's export, loaded from `mappings/NAME.yaml`.
/// A new phone system needs a new file of this shape, not code.
public struct MappingSpec: Sendable {
    public enum Format: String, Sendable {
        case csv
        case json
        case xml
        /// Web pages, read with an HTML parser into the same tree as XML.
        case html
    }

    /// Where a field's text comes from in a record.
    public struct FieldSource: Sendable, Hashable {
        public enum Part: String, Sendable {
            case whole
            /// From `"Maria Lopez" <5125550100>`, the name.
            case name
            /// From `"Maria Lopez" <5125550100>`, the number.
            case number
        }

        /// CSV column name, JSON key path (`a.b.c`), or XPath relative to an XML or HTML record.
        public var name: String?
        /// 1-based CSV column position, for files without a header row.
        public var position: Int?
        public var part: Part
        /// How the text is encoded in the export, decoded before `part` is taken.
        public var decode: TextDecoding? = nil
        /// Further CSV columns or JSON paths tried in order when `name` gives no text ("first non-empty of").
        public var fallbacks: [String] = []

        /// `name` then `fallbacks`: every place the field's text may be, in the order they are tried.
        public var names: [String] { (name.map { [$0] } ?? []) + fallbacks }
    }

    public enum DirectionRule: Sendable {
        /// Values of the `direction` field that mean inbound and outbound.
        case field(inbound: Set<String>, outbound: Set<String>)
        /// From the numbers: a call from the business's own number or an extension is outbound.
        case inferFromNumbers
    }

    public enum TimeFormat: Sendable, Hashable {
        case rfc2822
        case iso8601
        case epochSeconds
        case epochMilliseconds
        /// A zone-less local time read in the source's time zone.
        case local(String)
    }

    public enum DurationFormat: String, Sendable {
        /// Whole or decimal seconds, ISO 8601 (PT18S) or h:mm:ss, recognised automatically.
        case auto
        case milliseconds
    }

    public var name: String
    public var description: String
    public var format: Format
    /// CSV: whether the first row names the columns.
    public var csvHeader: Bool
    /// CSV without a header: the names of the columns in order.
    public var csvColumns: [String]
    public var csvMinColumns: Int
    /// JSON: key path of the array of records (empty for a top-level array).
    public var jsonRecords: String
    /// Field name → where it is. Role names (`id`, `start`, `from`, …) have fixed meanings;
    /// any other name can be used by the outcome rules.
    public var fields: [String: FieldSource]
    public var timeFormat: TimeFormat
    public var durationFormat: DurationFormat
    public var direction: DirectionRule
    /// Prefix of every call's de-duplication key, e.g. `twilio`.
    public var keyPrefix: String
    /// Field holding the parent leg's id; legs with one belong to that parent's call.
    public var parentField: String?
    /// Fields tried in order for the call a leg belongs to, when legs are not parented; an entry of
    /// several fields groups legs on all of them together (e.g. caller channel and start time).
    public var groupFields: [[String]]
    public var voicemailWhen: [LegCondition]
    public var answeredWhen: [LegCondition]
    /// A call with a leg matching one of these has not ended yet (live API answers): it is left out
    /// until a later pull sees how it ended.
    public var unfinishedWhen: [LegCondition] = []
    public var detect: DetectionHints
    /// How to pull these records from the phone system's API; nil for exports read from files.
    public var api: APISpec? = nil

    /// XML and HTML records, legs nested in a JSON record, and exports that repeat a call once per event.
    public var layout = RecordLayout()

    public static let roleNames: Set<String> = [
        "id", "start", "from", "to", "customer", "business", "duration", "direction", "caller_name", "transcript", "recording", "tracking_source",
        "event_time",
    ]
}
