import Foundation
import RingbackCodecs
import RingbackCore
import RingbackNormalisation
import RingbackYAML

/// Reads a customers / active jobs / vendors / spam list: a CSV with a `phone` column and optional
/// name, address, zip, job_id and owner columns.
enum ContactListLoader {
    static func load(path: String, phones: PhoneNormaliser, node: YAMLValue, warnings: inout [String]) throws -> [String: ContactLists.Entry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw node.error("cannot read list file \(path)")
        }
        let bytes = [UInt8](data)
        let (records, problems) = CSVReader(bytes: bytes, delimiter: CSVReader.sniffDelimiter(bytes.prefix(4096))).readAll()
        for problem in problems { warnings.append("\(path):\(problem.line): \(problem.message)") }
        guard let first = records.first else { return [:] }
        return try entries(header: first.fields, rows: records.dropFirst().map { ($0.line, $0.fields) }, source: path,
                           phones: phones, warnings: &warnings)
    }

    /// The rows of a list, from a CSV file or a tab of the Google Sheet (`source` names it in messages;
    /// `line` is the file line or the sheet row).
    static func entries(header: [String], rows: [(line: Int, fields: [String])], source: String, phones: PhoneNormaliser,
                        warnings: inout [String]) throws -> [String: ContactLists.Entry] {
        let header = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard let phoneColumn = header.firstIndex(of: "phone") else {
            throw ConfigError.file(source, "line 1: expected a `phone` column in the header (found: \(header.joined(separator: ", ")))")
        }
        func cell(_ fields: [String], _ name: String) -> String {
            guard let index = header.firstIndex(of: name), index < fields.count else { return "" }
            return fields[index].trimmingCharacters(in: .whitespaces)
        }
        var entries: [String: ContactLists.Entry] = [:]
        for record in rows {
            let raw = phoneColumn < record.fields.count ? record.fields[phoneColumn] : ""
            if raw.trimmingCharacters(in: .whitespaces).isEmpty && record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard case .number(let e164, _) = phones.normalise(raw) else {
                warnings.append("\(source):\(record.line): phone `\(raw)` is not a number Ringback can read; row skipped")
                continue
            }
            entries[e164] = ContactLists.Entry(
                name: cell(record.fields, "name"), address: cell(record.fields, "address"), zip: cell(record.fields, "zip"),
                reference: cell(record.fields, "job_id"), owner: cell(record.fields, "owner"))
        }
        return entries
    }
}
