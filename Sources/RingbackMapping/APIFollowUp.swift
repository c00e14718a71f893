import RingbackJSON

/// A sub-resource fetched for each record of a page (OpenPhone's voicemail of a call at
/// `/v1/call-voicemails/{id}`) with the same credentials and retries as the pages, and merged into the
/// record under `name` before the mapping reads it, so a field can say `voicemail.transcript`.
public struct APIFollowUp: Sendable, Equatable {
    /// The record's member the answer is put under.
    public var name: String
    /// Path after the base URL; each `{PATH}` is the record's value at that JSON path, percent-encoded.
    public var path: String
    /// JSON path of the part of the answer to merge (`data`); empty for the whole answer.
    public var records: String
    /// Only records matching one of these (JSON path → test) are followed up; none means every record.
    public var when: [LegCondition]
    /// Requests of this kind in one run at most; records past it are read without it, and the run says so.
    public var maxPerRun: Int

    public init(name: String, path: String, records: String, when: [LegCondition], maxPerRun: Int) {
        self.name = name
        self.path = path
        self.records = records
        self.when = when
        self.maxPerRun = maxPerRun
    }

    /// The record's paths named between braces in `path`, in order.
    public var placeholders: [String] {
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The path for this record, or nil when one of its placeholders has no value there.
    public func path(for record: JSONValue, encode: (String) -> String) -> String? {
        var out = path
        for name in placeholders {
            guard let text = record.value(at: name)?.scalarText, !text.isEmpty else { return nil }
            out = out.replacingOccurrences(of: "{\(name)}", with: encode(text))
        }
        return out
    }

    /// Whether this record is followed up.
    public func applies(to record: JSONValue) -> Bool {
        guard !when.isEmpty else { return true }
        return when.contains { condition in
            condition.matches { index in
                guard let value = record.value(at: condition.tests[index].field), !value.isNull else { return "" }
                return value.scalarText ?? value.text
            }
        }
    }
}
