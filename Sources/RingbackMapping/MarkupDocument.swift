import Foundation
import RingbackCodecs
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an XML or HTML export into FoundationXML's document tree, for the mapping's XPath, or says
/// why the file cannot be read. A damaged XML file is refused whole rather than half-read: a CDR cut
/// off before its `billsec` would otherwise look like an unanswered call.
enum MarkupDocument {
    static func load(_ bytes: [UInt8], html: Bool) -> Result<XMLDocument, RejectReason> {
        html ? loadHTML(bytes) : loadXML(bytes)
    }

    private static func loadXML(_ bytes: [UInt8]) -> Result<XMLDocument, RejectReason> {
        if let problem = problem(in: bytes) { return .failure("not well-formed XML \(problem)") }
        guard let document = try? XMLDocument(data: Data(bytes), options: [.nodeLoadExternalEntitiesNever]) else {
            return .failure("not readable as XML")
        }
        return .success(document)
    }

    private static func loadHTML(_ bytes: [UInt8]) -> Result<XMLDocument, RejectReason> {
        let page = throughClosingHTMLTag(withoutXMLDeclaration(bytes))
        let xml: [UInt8]
        if let converted = HTMLParserBridge.xml(fromHTML: page) {
            xml = withoutXHTMLNamespace(converted)
        } else {
            xml = withoutXHTMLNamespace(page)
        }
        if let problem = problem(in: xml) { return .failure("not readable as HTML \(problem)") }
        guard let document = try? XMLDocument(data: Data(xml), options: [.documentTidyHTML, .nodeLoadExternalEntitiesNever]) else {
            return .failure("not readable as HTML")
        }
        return .success(document)
    }

    /// Why the bytes are not one well-formed XML document, or nil when they are. Checked before
    /// `XMLDocument` sees them: it gives up on a document without a root element by crashing.
    static func problem(in bytes: [UInt8]) -> String? {
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        let elements = ElementCounter()
        parser.delegate = elements
        let parsed = parser.parse()
        if let error = parser.parserError as NSError? {
            return "near line \(max(parser.lineNumber, 1)): \(describe(error.code))"
        }
        if !parsed || elements.started == 0 { return "(no element in the file)" }
        return nil
    }

    /// Counts the elements the parser meets, to tell an empty document from a real one.
    private final class ElementCounter: NSObject, XMLParserDelegate {
        var started = 0

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            started += 1
        }
    }

    /// An XHTML page's `<?xml …?>` line means nothing to an HTML parser, which would keep it as a
    /// processing instruction where XML allows none.
    static func withoutXMLDeclaration(_ bytes: [UInt8]) -> [UInt8] {
        var start = bytes.starts(with: LenientText.byteOrderMark) ? 3 : 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
        guard bytes[start...].starts(with: Array("<?xml".utf8)),
              let end = firstRange(of: Array("?>".utf8), in: Array(bytes[start...])) else { return bytes }
        return Array(bytes[(start + end + 2)...])
    }

    /// What follows the page's `</html>` (a stray `~` left by an editor) is not part of it; kept, it
    /// would become a second page.
    static func throughClosingHTMLTag(_ bytes: [UInt8]) -> [UInt8] {
        let tag = Array("</html>".utf8)
        var index = bytes.count - tag.count
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "<"),
               zip(bytes[index..<index + tag.count], tag).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                return Array(bytes[..<(index + tag.count)])
            }
            index -= 1
        }
        return bytes
    }

    /// XHTML pages put every element in a namespace, which hides them from a plain `//abbr`; HTML has
    /// none, so the declaration (which the XML writer may repeat) is dropped and mapping paths stay as
    /// simple as the page looks.
    static func withoutXHTMLNamespace(_ bytes: [UInt8]) -> [UInt8] {
        let declaration = Array(#" xmlns="http://www.w3.org/1999/xhtml""#.utf8)
        var out = bytes
        while let start = firstRange(of: declaration, in: out) {
            out.removeSubrange(start..<start + declaration.count)
        }
        return out
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

    /// The parser reports libxml2's error numbers.
    private static func describe(_ code: Int) -> String {
        switch code {
        case 3: return "it does not start like XML"
        case 4: return "there is no XML in it"
        case 5: return "it ends before its root element closes, or goes on after it"
        case 9: return "a character that XML does not allow"
        case 76: return "an element is closed by the wrong end tag"
        case 77: return "it ends inside an element"
        default: return "parser error \(code)"
        }
    }
}
