import Foundation
import RingbackCodecs
import RingbackCore
import RingbackNormalisation
import RingbackYAML

/// Reads a customers / active jobs / vendors / spam list file into the core's `ContactListTable`.
enum ContactListLoader {
    static func load(path: String, phones: PhoneNormaliser, node: YAMLValue, warnings: inout [String]) throws -> [String: ContactLists.Entry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw node.error("cannot read list file \(path)")
        }
        let bytes = [UInt8](data)
        let (records, problems) = CSVReader(bytes: bytes, delimiter: CSVReader.sniffDelimiter(bytes.prefix(4096))).readAll()
        for problem in problems { warnings.append("\(path):\(problem.line): \(problem.message)") }
        guard let first = records.first else { return [:] }
        let table = ContactListTable(source: path, header: first.fields, rows: records.dropFirst().map { ($0.line, $0.fields) })
        do {
            let read = try table.entries(phones: phones)
            warnings += read.warnings
            return read.entries
        } catch {
            throw ConfigError.file(error.source, error.message)
        }
    }
}
