import CLibXML2

/// Collects the first error libxml2 reports while compiling or evaluating XPath in one context,
/// instead of letting it print on standard error (the run's log).
final class XPathErrorReport {
    var problem: XPathProblem?

    /// Routes `context`'s errors here; the report must outlive the context.
    func install(on context: xmlXPathContextPtr) {
        ringback_xml_silence_generic_errors()
        context.pointee.userData = Unmanaged.passUnretained(self).toOpaque()
        context.pointee.error = { data, error in
            guard let data, let error else { return }
            let report = Unmanaged<XPathErrorReport>.fromOpaque(data).takeUnretainedValue()
            guard report.problem == nil else { return }
            // Compiling says where it stopped (an offset into the expression); evaluating does not.
            let position = error.pointee.str1 != nil ? Int(error.pointee.int1) + 1 : nil
            report.problem = XPathProblem(message: XPathErrorReport.message(error.pointee), position: position)
        }
    }

    /// libxml2 hands an XPath context's handler the error's number, not its text; this is its text,
    /// as in libxml2's xpath.c (`xmlXPathErrorMessages`, numbered from XML_XPATH_EXPRESSION_OK).
    static func message(_ error: xmlError) -> String {
        if error.message != nil { return LibXML2.message(error) }
        let index = Int(error.code) - Int(XML_XPATH_EXPRESSION_OK.rawValue)
        return messages.indices.contains(index) ? messages[index] : "XPath error \(error.code)"
    }

    private static let messages = [
        "Ok", "Number encoding", "Unfinished literal", "Start of literal", "Expected $ for variable reference",
        "Undefined variable", "Invalid predicate", "Invalid expression", "Missing closing curly brace",
        "Unregistered function", "Invalid operand", "Invalid type", "Invalid number of arguments",
        "Invalid context size", "Invalid context position", "Memory allocation error", "Syntax error",
        "Resource error", "Sub resource error", "Undefined namespace prefix", "Encoding error",
        "Char out of XML range", "Invalid or incomplete context", "Stack usage error", "Forbidden variable",
    ]
}
