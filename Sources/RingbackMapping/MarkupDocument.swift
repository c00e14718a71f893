import RingbackCodecs

/// Reads an XML or HTML export into libxml2's document tree, for the mapping's XPath, or says why
/// the file cannot be read. A damaged XML file is refused whole rather than half-read: a CDR cut off
/// before its `billsec` would otherwise look like an unanswered call.
enum MarkupDocument {
    static func load(_ bytes: [UInt8], html: Bool) -> Result<MarkupTree, RejectReason> {
        html ? loadHTML(bytes) : loadXML(bytes)
    }

    private static func loadXML(_ bytes: [UInt8]) -> Result<MarkupTree, RejectReason> {
        MarkupParser.xml(bytes).mapError { problem in
            problem.refused
                ? "refused at line \(problem.line): \(problem.message)" : "not well-formed XML near line \(problem.line): \(problem.message)"
        }
    }

    private static func loadHTML(_ bytes: [UInt8]) -> Result<MarkupTree, RejectReason> {
        MarkupParser.html(throughClosingHTMLTag(withoutXMLDeclaration(bytes))).mapError { problem in
            problem.refused ? "refused: \(problem.message)" : "not readable as HTML: \(problem.message)"
        }
    }

    /// An XHTML page's `<?xml …?>` line means nothing to an HTML parser, which would keep it as a
    /// processing instruction where XML allows none.
    static func withoutXMLDeclaration(_ bytes: [UInt8]) -> [UInt8] {
        var start = bytes.starts(with: LenientText.byteOrderMark) ? 3 : 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
        guard bytes[start...].starts(with: Array("<?xml".utf8)),
            let end = firstRange(of: Array("?>".utf8), in: Array(bytes[start...]))
        else { return bytes }
        return Array(bytes[(start + end + 2)...])
    }

    /// What follows the page's `</html>` (a stray `~` left by an editor) is not part of it; kept, it
    /// would become a second page.
    static func throughClosingHTMLTag(_ bytes: [UInt8]) -> [UInt8] {
        let tag = Array("</html>".utf8)
        var index = bytes.count - tag.count
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "<"),
                zip(bytes[index..<index + tag.count], tag).allSatisfy({ $0 | 0x20 == $1 | 0x20 })
            {
                return Array(bytes[..<(index + tag.count)])
            }
            index -= 1
        }
        return bytes
    }

    private static func firstRange(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = 0
        while index + needle.count <= bytes.count {
            if bytes[index] == first, bytes[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
