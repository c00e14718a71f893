import CLibXML2
import RingbackCore

/// XML and HTML exports: the records are the nodes the mapping's XPath selects, and each field is the
/// text of the first node its XPath selects from there (an element's text, or an attribute's value).
extension MappingEngine {
    func readMarkup(bytes: [UInt8], file: String) -> FileResult {
        var result = FileResult()
        func rejectFile(_ reason: String) -> FileResult {
            result.rejects.append(RecordReject(file: file, location: "1", reason: "\(reason); is this a \(spec.name) export?"))
            return result
        }
        let tree: MarkupTree
        switch MarkupDocument.load(bytes, html: spec.format == .html) {
        case .success(let loaded): tree = loaded
        case .failure(let reason): return rejectFile(reason.text)
        }
        let xpath = spec.layout.recordsXPath
        let queries: MarkupQueries
        switch MarkupQueries.compile(records: xpath, fields: slots.names.map { spec.fields[$0]?.name }) {
        case .success(let compiled): queries = compiled
        case .failure(let problem): return rejectFile("XPath `\(problem.expression)`: \(problem.problem)")
        }
        let records: [xmlNodePtr]
        switch tree.evaluate(queries.records, at: tree.root, Self.nodes) {
        case .success(let nodes) where !nodes.isEmpty: records = nodes
        case .success: return rejectFile("no records at `\(xpath)`")
        case .failure(let problem): return rejectFile("XPath `\(xpath)`: \(problem)")
        }
        for (index, node) in records.enumerated() {
            result.records += 1
            readRecord(node, number: Int32(clamping: index + 1), tree: tree, queries: queries, file: file, into: &result)
        }
        return result
    }

    private func readRecord(
        _ node: xmlNodePtr, number: Int32, tree: MarkupTree, queries: MarkupQueries, file: String,
        into result: inout FileResult
    ) {
        let recordsPath = "(\(spec.layout.recordsXPath))"
        let collapsesWhitespace = spec.format == .html
        var values: [String] = []
        for query in queries.fields {
            guard let query else {
                values.append("")
                continue
            }
            switch tree.evaluate(query, at: node, Self.firstText) {
            case .success(let text): values.append(collapsesWhitespace ? Self.collapsingWhitespace(text) : text)
            case .failure(let problem):
                result.rejects.append(
                    RecordReject(file: file, location: "\(recordsPath)[\(number)]", reason: "XPath `\(query.expression)`: \(problem)"))
                return
            }
        }
        if slots.hasDecoding { decode(&values) }
        switch leg(values, parsedStart: nil, record: number, recordsPath: recordsPath, file: file) {
        case .success(let leg): result.legs.append(leg)
        case .failure(let reason):
            result.rejects.append(
                RecordReject(
                    file: file, location: "\(recordsPath)[\(number)]", reason: reason.text,
                    raw: Self.collapsingWhitespace(Self.text(of: node))))
        }
    }

    /// The element and attribute nodes an XPath result selects, in document order. (Namespace nodes
    /// are copies freed with the result, and never records.)
    static func nodes(_ object: xmlXPathObject) -> [xmlNodePtr] {
        guard object.type == XPATH_NODESET, let set = object.nodesetval, let table = set.pointee.nodeTab else { return [] }
        return (0..<Int(set.pointee.nodeNr)).compactMap { index in
            table[index].flatMap { $0.pointee.type == XML_NAMESPACE_DECL ? nil : $0 }
        }
    }

    /// The text of the first node an XPath result selects ("" when none), or the result as text.
    static func firstText(_ object: xmlXPathObject) -> String {
        guard object.type == XPATH_NODESET else {
            var copy = object
            return LibXML2.take(xmlXPathCastToString(&copy))
        }
        guard let set = object.nodesetval, set.pointee.nodeNr > 0, let first = set.pointee.nodeTab?[0] else { return "" }
        return text(of: first)
    }

    static func text(of node: xmlNodePtr) -> String {
        LibXML2.take(xmlNodeGetContent(node))
    }

    /// HTML's line breaks and indentation are layout, so there runs of white space read as one space.
    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
