import CLibXML2

/// libxml2's one-time set-up, done before the first parse from whichever thread comes first
/// (its global tables are not safe to build from several threads at once).
enum LibXML2 {
    private static let started: Void = xmlInitParser()

    static func start() {
        _ = started
    }

    /// libxml2's strings as Swift strings, freed.
    static func take(_ text: UnsafeMutablePointer<xmlChar>?) -> String {
        guard let text else { return "" }
        defer { ringback_xml_free(text) }
        return String(cString: text)
    }

    /// Calls `body` with `text` as libxml2's NUL-terminated UTF-8.
    static func withXMLString<T>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> T) -> T {
        let bytes = Array(text.utf8) + [0]
        return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// One line of libxml2's message ("Opening and ending tag mismatch: a line 3 and b").
    static func message(_ error: xmlError) -> String {
        let text = error.message.map { String(cString: $0) } ?? "error \(error.code)"
        return text.split(whereSeparator: { $0.isNewline }).joined(separator: " ").split(separator: " ").joined(separator: " ")
    }
}
