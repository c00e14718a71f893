import CLibXML2

/// A document libxml2 has parsed, with the XPath context its records and fields are read through.
/// Owns both and frees them with itself; node pointers taken from it live as long as it does.
final class MarkupTree {
    let document: xmlDocPtr
    let root: xmlNodePtr
    private let context: xmlXPathContextPtr
    private let errors = XPathErrorReport()

    /// Takes ownership of `document`, which must have a root element.
    init?(document: xmlDocPtr) {
        guard let root = xmlDocGetRootElement(document), let context = xmlXPathNewContext(document) else {
            xmlFreeDoc(document)
            return nil
        }
        self.document = document
        self.root = root
        self.context = context
        errors.install(on: context)
    }

    deinit {
        xmlXPathFreeContext(context)
        xmlFreeDoc(document)
    }

    /// Evaluates `query` from `node`; libxml2's own error when it cannot.
    func evaluate<T>(_ query: XPathQuery, at node: xmlNodePtr, _ use: (xmlXPathObject) -> T) -> Result<T, XPathProblem> {
        errors.problem = nil
        context.pointee.node = node
        guard let object = xmlXPathCompiledEval(query.compiled, context) else {
            return .failure(errors.problem ?? XPathProblem(message: "libxml2 could not evaluate it", position: nil))
        }
        defer { xmlXPathFreeObject(object) }
        return .success(use(object.pointee))
    }

    /// The deepest element nesting, walked without recursion (a hostile page may nest a million deep).
    var depth: Int {
        var deepest = 0, level = 1
        var node: xmlNodePtr? = root
        while let current = node {
            deepest = max(deepest, level)
            if let child = current.pointee.children, current.pointee.type == XML_ELEMENT_NODE {
                node = child
                level += 1
                continue
            }
            var climbing: xmlNodePtr? = current
            while let up = climbing, up != root, up.pointee.next == nil {
                climbing = up.pointee.parent
                level -= 1
            }
            node = climbing == root || climbing == nil ? nil : climbing?.pointee.next
        }
        return deepest
    }
}
