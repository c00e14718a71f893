import RingbackNormalisation

/// A list as rows of text under a header (a CSV file or a tab of the Google Sheet): a `phone` column and
/// optional name, address, zip, job_id (or note) and owner columns. A row whose number cannot be read is skipped
/// with a warning naming the source and line.
public struct ContactListTable: Sendable {
    /// Names the list in messages: a file path, or "tab `Customers`".
    public var source: String
    public var header: [String]
    /// Each row with its file line or sheet row.
    public var rows: [(line: Int, fields: [String])]

    public init(source: String, header: [String], rows: [(line: Int, fields: [String])]) {
        self.source = source
        self.header = header
        self.rows = rows
    }

    /// Rows of a tab as read, header first; sheet rows are numbered from 1.
    public init(source: String, grid: [[String]]) {
        self.init(
            source: source, header: grid.first ?? [],
            rows: grid.dropFirst().enumerated().map { (line: $0.offset + 2, fields: $0.element) })
    }

    /// Entries keyed by E.164 number, and a warning for each row skipped.
    public func entries(phones: PhoneNormaliser) throws(ContactListError) -> (entries: [String: ContactLists.Entry], warnings: [String]) {
        let header = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let phoneColumn = header.firstIndex(of: "phone") else {
            throw ContactListError(
                source: source, message: "line 1: expected a `phone` column in the header (found: \(header.joined(separator: ", ")))")
        }
        func cell(_ fields: [String], _ name: String) -> String {
            guard let index = header.firstIndex(of: name), index < fields.count else { return "" }
            return fields[index].trimmingCharacters(in: .whitespaces)
        }
        var entries: [String: ContactLists.Entry] = [:]
        var warnings: [String] = []
        for record in rows {
            let raw = phoneColumn < record.fields.count ? record.fields[phoneColumn] : ""
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard case .number(let e164, _) = phones.normalise(raw) else {
                warnings.append("\(source):\(record.line): phone `\(raw)` is not a number Ringback can read; row skipped")
                continue
            }
            entries[e164] = ContactLists.Entry(
                name: cell(record.fields, "name"), address: cell(record.fields, "address"), zip: cell(record.fields, "zip"),
                reference: cell(record.fields, "job_id").isEmpty ? cell(record.fields, "note") : cell(record.fields, "job_id"),
                owner: cell(record.fields, "owner"))
        }
        return (entries, warnings)
    }
}

/// A list that cannot be used at all (no `phone` column).
public struct ContactListError: Error, Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var message: String

    public init(source: String, message: String) {
        self.source = source
        self.message = message
    }

    public var description: String { "\(source): \(message)" }
}
