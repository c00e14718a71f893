import CLibXML2

/// An element of a WebDAV answer: namespace, local name, text and children. Parsed with libxml2 with no
/// network, no DTD and no entity substitution.
package struct DAVElement: Sendable, Hashable {
    package static let dav = "DAV:"
    package static let caldav = "urn:ietf:params:xml:ns:caldav"

    package var namespace: String
    package var name: String
    package var text: String
    package var children: [DAVElement]

    package func child(_ name: String, _ namespace: String = DAVElement.dav) -> DAVElement? {
        children.first { $0.name == name && $0.namespace == namespace }
    }

    package func all(_ name: String, _ namespace: String = DAVElement.dav) -> [DAVElement] {
        children.filter { $0.name == name && $0.namespace == namespace }
    }

    /// The first element of that name at any depth below.
    package func find(_ name: String, _ namespace: String = DAVElement.dav) -> DAVElement? {
        for child in children {
            if child.name == name && child.namespace == namespace { return child }
            if let found = child.find(name, namespace) { return found }
        }
        return nil
    }

    /// The element, or nil when the bytes are not well-formed XML.
    package static func parse(_ bytes: [UInt8]) -> DAVElement? {
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        xmlInitParser()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOERROR.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", options) }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        if document.pointee.intSubset != nil { return nil }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return element(root, depth: 0)
    }

    private static func element(_ node: xmlNodePtr, depth: Int) -> DAVElement? {
        guard depth < 64 else { return nil }
        let name = String(cString: node.pointee.name)
        let namespace = node.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } } ?? ""
        var children: [DAVElement] = []
        var text = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                if let element = element(current, depth: depth + 1) { children.append(element) }
            } else if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                let content = current.pointee.content
            {
                text += String(cString: content)
            }
            child = current.pointee.next
        }
        return DAVElement(namespace: namespace, name: name, text: text, children: children)
    }
}
