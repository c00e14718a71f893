import CLibXML2

/// What a mapping's XPath expression yields when the mapping loads, so a mistake is reported with
/// the mapping's file, line and key rather than once per file read.
enum XPathValueCheck {
    /// What an expression yields: records and fields are read from node-sets.
    enum ValueType: String, Sendable {
        case nodeSet = "a node-set"
        case string = "a string"
        case number = "a number"
        case boolean = "a boolean"
    }

    /// The expression's type, or libxml2's problem with it.
    static func check(_ expression: String) -> Result<ValueType, XPathProblem> {
        let query: XPathQuery
        switch XPathQuery.compile(expression) {
        case .success(let compiled): query = compiled
        case .failure(let problem): return .failure(problem)
        }
        // Still needed after compiling: libxml2 finds an unknown function, a variable or a namespace
        // prefix, and learns the result's type, only when the expression runs. So it runs once on a
        // one-element document, where libxml2 reports those (as errors, never stopping the process),
        // and a string or a number, which holds no nodes to read, is told apart from a node-set.
        guard case .success(let probe) = MarkupParser.xml(Array("<probe/>".utf8)) else {
            return .failure(XPathProblem(message: "libxml2 could not start", position: nil))
        }
        return probe.evaluate(query, at: probe.root) { object in
            switch object.type {
            case XPATH_BOOLEAN: return .boolean
            case XPATH_NUMBER: return .number
            case XPATH_STRING: return .string
            default: return .nodeSet
            }
        }
    }
}
