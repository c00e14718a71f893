import Foundation
import RingbackJSON

/// The parts of a Calendar batch answer: each part's `Content-ID`, and the status, headers and JSON body of
/// the HTTP response inside it.
struct CalendarBatchResponse: Sendable {
    struct Part: Sendable, Hashable {
        /// The number from `<response-item-N>`, when the part carries one.
        var number: Int?
        var status: Int
        var headers: [String: String]
        var bodyBytes: [UInt8]

        var json: JSONValue? {
            guard bodyBytes.contains(where: { $0 > 0x20 }) else { return nil }
            return try? JSONValue.parse(bodyBytes)
        }
    }

    enum Problem: Error, Sendable, CustomStringConvertible {
        case noBoundary
        case malformed(String)

        var description: String {
            switch self {
            case .noBoundary: "its Content-Type names no multipart boundary"
            case .malformed(let what): what
            }
        }
    }

    var parts: [Part]

    init(contentType: String?, body: [UInt8]) throws(Problem) {
        guard let boundary = Self.boundary(contentType) else { throw .noBoundary }
        let text = String(decoding: body, as: UTF8.self)
        let delimiter = "--" + boundary
        var chunks = text.components(separatedBy: delimiter)
        guard chunks.count >= 2 else { throw .malformed("no part starts with the boundary") }
        chunks.removeFirst()
        var parts: [Part] = []
        for chunk in chunks {
            if chunk.hasPrefix("--") { break }
            parts.append(try Self.part(String(chunk.drop(while: \.isNewline))))
        }
        self.parts = parts
    }

    static func boundary(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "boundary" else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// One part: its own headers, a blank line, the HTTP status line, headers, a blank line, the body.
    private static func part(_ text: String) throws(Problem) -> Part {
        let (outerHead, inner) = splitHead(text)
        let outerHeaders = headers(outerHead[...])
        let (innerHead, rawBody) = splitHead(inner)
        let lines = innerHead.split(omittingEmptySubsequences: true, whereSeparator: \.isNewline)
        guard let statusLine = lines.first else { throw .malformed("a part holds no HTTP response") }
        let words = statusLine.split(separator: " ")
        guard words.count >= 2, words[0].hasPrefix("HTTP/"), let status = Int(words[1]) else {
            throw .malformed("a part's status line is not HTTP")
        }
        let body = rawBody.trimmingCharacters(in: .newlines)
        return Part(
            number: number(outerHeaders["content-id"]), status: status,
            headers: headers(lines.dropFirst().joined(separator: "\n")[...]), bodyBytes: Array(body.utf8))
    }

    /// Text before the first blank line, and the rest.
    private static func splitHead(_ text: String) -> (String, String) {
        let blanks = ["\r\n\r\n", "\n\n"].compactMap { text.range(of: $0) }
        guard let blank = blanks.min(by: { $0.lowerBound < $1.lowerBound }) else { return (text, "") }
        return (String(text[..<blank.lowerBound]), String(text[blank.upperBound...]))
    }

    private static func headers(_ block: Substring) -> [String: String] {
        var result: [String: String] = [:]
        for line in block.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            result[line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()] =
                line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    /// `<response-item-7>` → 7; Google may add `@host`-style suffixes, which are ignored.
    private static func number(_ contentID: String?) -> Int? {
        guard var id = contentID?.trimmingCharacters(in: .whitespaces) else { return nil }
        if id.hasPrefix("<") { id.removeFirst() }
        if id.hasSuffix(">") { id.removeLast() }
        if id.hasPrefix("response-") { id.removeFirst("response-".count) }
        guard id.hasPrefix("item-") else { return nil }
        return Int(id.dropFirst("item-".count).prefix(while: \.isNumber))
    }
}
