import Foundation

/// The multipart/mixed envelope of Calendar batch requests: parts in, parts out, in order.
enum BatchMultipart {
    struct Part {
        var contentID: String?
        var request: HTTPRequestData
    }

    static func boundary(fromContentType value: String?) -> String? {
        guard let value, value.lowercased().hasPrefix("multipart/mixed") else { return nil }
        for parameter in value.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    private static func splitHead(_ text: Substring) -> (head: Substring, body: Substring) {
        if let range = text.range(of: "\r\n\r\n") { return (text[..<range.lowerBound], text[range.upperBound...]) }
        if let range = text.range(of: "\n\n") { return (text[..<range.lowerBound], text[range.upperBound...]) }
        return (text, "")
    }

    private static func headerLines(_ text: Substring) -> [(name: String, value: String)] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap { line in
            let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            guard let colon = trimmed.firstIndex(of: ":") else { return nil }
            return (
                String(trimmed[..<colon]).trimmingCharacters(in: .whitespaces),
                String(trimmed[trimmed.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            )
        }
    }

    /// nil when the body is not a multipart envelope of HTTP requests.
    static func parse(_ body: [UInt8], boundary: String) -> [Part]? {
        let text = String(decoding: body, as: UTF8.self)
        let pieces = text.components(separatedBy: "--" + boundary)
        guard pieces.count >= 2 else { return nil }
        var parts: [Part] = []
        for piece in pieces.dropFirst() {
            if piece.hasPrefix("--") { break }
            var content = Substring(piece)
            // "\r\n" is a single Character.
            while content.hasPrefix("\r\n") || content.hasPrefix("\n") { content = content.dropFirst() }
            if content.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { continue }
            let (partHead, http) = splitHead(content)
            let partHeaders = headerLines(partHead)
            let (requestHead, requestBodyRaw) = splitHead(http)
            var requestBody = requestBodyRaw
            // "\r\n" is a single Character in Swift, so one dropLast removes either line ending.
            if requestBody.hasSuffix("\r\n") || requestBody.hasSuffix("\n") { requestBody = requestBody.dropLast() }
            let lines = requestHead.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            guard let requestLine = lines.first else { return nil }
            let words = requestLine.trimmingCharacters(in: CharacterSet(charactersIn: "\r")).split(separator: " ")
            guard words.count >= 2 else { return nil }
            var target = String(words[1])
            if let scheme = target.range(of: "://"), let slash = target[scheme.upperBound...].firstIndex(of: "/") {
                target = String(target[slash...])
            }
            let headers = headerLines(requestHead.dropFirst(requestLine.count))
            let contentID = partHeaders.first { $0.name.lowercased() == "content-id" }?.value
            parts.append(
                Part(
                    contentID: contentID,
                    request: HTTPRequestData(
                        method: String(words[0]), target: target, headers: headers,
                        body: Array(requestBody.utf8))))
        }
        return parts
    }

    static func responseContentID(_ requestID: String) -> String {
        if requestID.hasPrefix("<") && requestID.hasSuffix(">") { return "<response-" + requestID.dropFirst().dropLast() + ">" }
        return "response-" + requestID
    }

    static func render(_ responses: [(contentID: String?, response: HTTPResponseData)], boundary: String) -> [UInt8] {
        var out = ""
        for (contentID, response) in responses {
            out += "--\(boundary)\r\nContent-Type: application/http\r\n"
            if let contentID { out += "Content-ID: \(responseContentID(contentID))\r\n" }
            out += "\r\nHTTP/1.1 \(response.status) \(HTTPResponseData.reasonPhrase(response.status))\r\n"
            for (name, value) in response.headers { out += "\(name): \(value)\r\n" }
            out += "Content-Length: \(response.body.count)\r\n\r\n"
            out += String(decoding: response.body, as: UTF8.self) + "\r\n"
        }
        out += "--\(boundary)--\r\n"
        return Array(out.utf8)
    }
}
