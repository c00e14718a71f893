import CLibXML2

/// A mapping's XPath expression, compiled by libxml2, evaluated from each record node.
final class XPathQuery {
    let expression: String
    let compiled: xmlXPathCompExprPtr

    private init(expression: String, compiled: xmlXPathCompExprPtr) {
        self.expression = expression
        self.compiled = compiled
    }

    deinit {
        xmlXPathFreeCompExpr(compiled)
    }

    /// The compiled expression, or libxml2's reason and position when it is not XPath 1.0.
    static func compile(_ expression: String) -> Result<XPathQuery, XPathProblem> {
        LibXML2.start()
        guard let context = xmlXPathNewContext(nil) else { return .failure(XPathProblem(message: "libxml2 could not start", position: nil)) }
        defer { xmlXPathFreeContext(context) }
        let errors = XPathErrorReport()
        return withExtendedLifetime(errors) {
            errors.install(on: context)
            guard let compiled = LibXML2.withXMLString(expression, { xmlXPathCtxtCompile(context, $0) }) else {
                return .failure(errors.problem ?? XPathProblem(message: "not an XPath expression", position: nil))
            }
            return .success(XPathQuery(expression: expression, compiled: compiled))
        }
    }
}
