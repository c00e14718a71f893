import Foundation
import RingbackCore
import RingbackJSON

/// JSON coding of the sheet rows and calendar events kept per target. One instance per read or
/// commit, so its encoder and decoder are reused across every record of it.
struct SyncedPayloadCoding {
    private let encoder: JSONEncoder
    private let decoder = JSONDecoder()

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
    }

    func encode<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    func decode<Value: Decodable>(_ type: Value.Type, from text: String) throws -> Value {
        try decoder.decode(type, from: Data(text.utf8))
    }

    /// Sheet rows are read by the ten thousand on every run: straight from the JSON bytes, not through `Decodable`.
    func decodeRow(from text: String) throws -> SyncedRow {
        let value = try JSONValue.parse(Array(text.utf8))
        guard let leadID = value["leadID"]?.string, let cells = value["cells"]?.object, let pins = value["pins"]?.object,
              let deleted = value["deletedByOffice"]?.bool else {
            throw JSONParseError(message: "expected leadID, cells, pins and deletedByOffice")
        }
        func strings(_ members: [String: JSONValue]) throws -> [String: String] {
            var out: [String: String] = [:]
            out.reserveCapacity(members.count)
            for (key, value) in members {
                guard let text = value.string else { throw JSONParseError(message: "cell `\(key)` is not text") }
                out[key] = text
            }
            return out
        }
        return SyncedRow(leadID: leadID, cells: try strings(cells), pins: try strings(pins), deletedByOffice: deleted)
    }
}
