import Foundation
import RingbackCore
#if canImport(FoundationXML)
import FoundationXML
#endif

/// XML and HTML exports: the records are the nodes the mapping's XPath selects, and each field is the
/// text of the first node its XPath selects from there (an element's text, or an attribute's value).
extension MappingEngine {
    func readMarkup(bytes: [UInt8], file: String) -> FileResult {
        var result = FileResult()
        let document: XMLDocument
        switch MarkupDocument.load(bytes, html: spec.format == .html) {
        case .success(let loaded): document = loaded
        case .failure(let reason):
            result.rejects.append(RecordReject(file: file, location: "1", reason: "\(reason.text); is this a \(spec.name) export?"))
            return result
        }
        let xpath = spec.layout.recordsXPath
        let records = (try? document.nodes(forXPath: xpath)) ?? []
        guard !records.isEmpty else {
            result.rejects.append(RecordReject(file: file, location: "1", reason: "no records at `\(xpath)`; is this a \(spec.name) export?"))
            return result
        }
        let recordsPath = "(\(xpath))"
        let paths = slots.names.map { spec.fields[$0]?.name }
        let collapsesWhitespace = spec.format == .html
        for (index, node) in records.enumerated() {
            result.records += 1
            var values = paths.map { path in path.map { Self.text(at: $0, in: node, collapsingWhitespace: collapsesWhitespace) } ?? "" }
            if slots.hasDecoding { decode(&values) }
            let number = Int32(clamping: index + 1)
            switch leg(values, parsedStart: nil, record: number, recordsPath: recordsPath, file: file) {
            case .success(let leg): result.legs.append(leg)
            case .failure(let reason):
                result.rejects.append(RecordReject(file: file, location: "\(recordsPath)[\(number)]", reason: reason.text,
                                                   raw: Self.text(at: ".", in: node, collapsingWhitespace: true)))
            }
        }
        return result
    }

    /// The text of the first node `path` selects from `node`; HTML's line breaks and indentation are
    /// layout, so there runs of white space read as one space.
    static func text(at path: String, in node: XMLNode, collapsingWhitespace: Bool) -> String {
        guard let first = (try? node.nodes(forXPath: path))?.first, let text = first.stringValue else { return "" }
        guard collapsingWhitespace else { return text }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
