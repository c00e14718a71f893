import CLibXML2

/// One element of a workbook part (the sheet, the shared strings, the workbook and its relationships):
/// local name, attributes by local name, direct text and children. Parsed with libxml2 with no network,
/// no DTD and no entity substitution.
struct XLSXElement: Sendable {
    var name: String
    var attributes: [String: String]
    var text: String
    var children: [XLSXElement]

    func child(_ name: String) -> XLSXElement? { children.first { $0.name == name } }
    func all(_ name: String) -> [XLSXElement] { children.filter { $0.name == name } }
    subscript(attribute: String) -> String? { attributes[attribute] }

    /// The text of a string item (`<t>`, or the `<t>` of each rich-text run `<r>`), phonetic runs left out.
    var itemText: String {
        if let plain = child("t") { return plain.text }
        return all("r").map { $0.child("t")?.text ?? "" }.joined()
    }

    private static let started: Void = xmlInitParser()

    /// The root element, or a one-line reason the bytes are not the XML a workbook part is.
    static func parse(_ bytes: [UInt8]) -> Result<XLSXElement, XLSXPartProblem> {
        _ = started
        guard !bytes.isEmpty else { return .failure(XLSXPartProblem("the part is empty")) }
        guard bytes.count < Int(Int32.max) else { return .failure(XLSXPartProblem("the part is too large")) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_HUGE.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options) }
        }
        guard let document else {
            let reason = xmlGetLastError()?.pointee.message.map { String(cString: $0).trimmingTrailingNewline } ?? "not well-formed"
            return .failure(XLSXPartProblem("not well-formed XML (\(reason))"))
        }
        defer { xmlFreeDoc(document) }
        if document.pointee.intSubset != nil { return .failure(XLSXPartProblem("a document type declaration, which a workbook never has")) }
        guard let root = xmlDocGetRootElement(document), let element = element(root, depth: 0) else {
            return .failure(XLSXPartProblem("no root element, or elements nested too deep"))
        }
        return .success(element)
    }

    private static func element(_ node: xmlNodePtr, depth: Int) -> XLSXElement? {
        guard depth < 32 else { return nil }
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let value = xmlNodeGetContent(xmlNodePtr(OpaquePointer(current)))
            attributes[String(cString: current.pointee.name)] = value.map { String(cString: $0) } ?? ""
            if let value { ringback_xml_free(value) }
            attribute = current.pointee.next
        }
        var children: [XLSXElement] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                guard let element = element(current, depth: depth + 1) else { return nil }
                children.append(element)
            } else if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                let content = current.pointee.content
            {
                text += String(cString: content)
            }
            child = current.pointee.next
        }
        return XLSXElement(name: String(cString: node.pointee.name), attributes: attributes, text: text, children: children)
    }
}

/// Why one part of a workbook could not be read.
struct XLSXPartProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

extension String {
    fileprivate var trimmingTrailingNewline: String {
        var text = self
        while text.last?.isNewline == true { text.removeLast() }
        return text
    }
}
