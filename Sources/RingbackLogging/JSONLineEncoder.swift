/// One JSON object per line for log collectors: `label`, `level`, `message`, `time` and every metadata
/// value as a string field, keys sorted. A metadata key that would shadow one of those four is written
/// as `metadata.<key>` instead, so the record's own fields can always be trusted.
package struct JSONLineEncoder: LogLineEncoder {
    static let recordKeys: Set<String> = ["time", "level", "message", "label"]

    package init() {}

    package func line(for record: LogRecord) -> String {
        let members = fields(of: record).sorted { $0.key < $1.key }
        let body = members.map { JSONStringEscaping.quoted($0.key) + ":" + JSONStringEscaping.quoted($0.value) }
        return "{" + body.joined(separator: ",") + "}"
    }

    private func fields(of record: LogRecord) -> [String: String] {
        var fields: [String: String] = [:]
        for (key, value) in record.metadata {
            fields[Self.recordKeys.contains(key) ? "metadata." + key : key] = value
        }
        fields["time"] = LogTimestamp.text(record.time)
        fields["level"] = record.level.rawValue
        fields["message"] = record.message
        fields["label"] = record.label
        return fields
    }
}
