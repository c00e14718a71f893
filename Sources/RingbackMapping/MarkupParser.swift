import CLibXML2

/// Parses an untrusted XML or HTML export with libxml2. Network access, entity substitution, DTD
/// loading and default attributes are off, libxml2's size and depth limits on (no XML_PARSE_HUGE),
/// and a document that declares an entity is refused at the declaration, so no entity is ever
/// expanded: a "billion laughs" or "quadratic blowup" file is a reject in microseconds.
enum MarkupParser {
    /// XML_PARSE_NONET | XML_PARSE_NOWARNING, and nothing else: no NOENT, DTDLOAD, DTDATTR or HUGE.
    private static let xmlOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue)
    /// A page is read as a browser would: whatever can be read, quietly, off the network.
    private static let htmlOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)

    /// The document, or libxml2's first error and its line. A damaged file is refused whole.
    static func xml(_ bytes: [UInt8]) -> Result<MarkupTree, MarkupProblem> {
        guard !bytes.isEmpty else { return .failure(MarkupProblem(message: "the file is empty", line: 1)) }
        guard bytes.count <= Int(Int32.max) else { return .failure(MarkupProblem(message: "the file is too large", line: 1)) }
        LibXML2.start()
        let report = ParseReport()
        let context: xmlParserCtxtPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { xmlCreateMemoryParserCtxt($0.baseAddress, Int32($0.count)) }
        }
        guard let context else { return .failure(MarkupProblem(message: "libxml2 could not start", line: 1)) }
        defer { xmlFreeParserCtxt(context) }
        return withExtendedLifetime(report) {
            report.watch(context)
            _ = xmlCtxtUseOptions(context, xmlOptions)
            _ = xmlParseDocument(context)
            let document = context.pointee.myDoc
            context.pointee.myDoc = nil
            if let problem = report.refusal ?? (context.pointee.wellFormed == 0 ? report.firstError : nil) {
                if let document { xmlFreeDoc(document) }
                return .failure(problem)
            }
            return tree(document)
        }
    }

    /// The page as libxml2's HTML parser reads it: a page cut off at the top or with an element left
    /// open still reads, so only a file with no element at all is refused.
    static func html(_ bytes: [UInt8]) -> Result<MarkupTree, MarkupProblem> {
        guard !bytes.isEmpty else { return .failure(MarkupProblem(message: "the file is empty", line: 1)) }
        guard bytes.count <= Int(Int32.max) else { return .failure(MarkupProblem(message: "the file is too large", line: 1)) }
        LibXML2.start()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), nil, "UTF-8", htmlOptions) }
        }
        return tree(document)
    }

    private static func tree(_ document: xmlDocPtr?) -> Result<MarkupTree, MarkupProblem> {
        guard let document, let tree = MarkupTree(document: document) else {
            return .failure(MarkupProblem(message: "there is no element in the file", line: 1))
        }
        let depth = tree.depth
        guard depth <= ReaderLimits.nestingDepth else {
            return .failure(
                MarkupProblem(
                    message: "elements are nested \(depth) deep; the limit is \(ReaderLimits.nestingDepth)",
                    line: 1, refused: true))
        }
        return .success(tree)
    }
}

/// What one XML parse reported: libxml2's first error, or the entity declaration it was stopped at.
/// Reached from libxml2's callbacks through the parser context's `_private` pointer.
private final class ParseReport {
    var firstError: MarkupProblem?
    var refusal: MarkupProblem?

    func watch(_ context: xmlParserCtxtPtr) {
        context.pointee._private = Unmanaged.passUnretained(self).toOpaque()
        guard let sax = context.pointee.sax else { return }
        sax.pointee.serror = { data, error in
            guard let error, let report = ParseReport.of(data) else { return }
            guard report.firstError == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
            report.firstError = MarkupProblem(message: LibXML2.message(error.pointee), line: max(Int(error.pointee.line), 1))
        }
        sax.pointee.entityDecl = { data, name, _, _, _, _ in
            guard let data, let report = ParseReport.of(data) else { return }
            let context = data.assumingMemoryBound(to: xmlParserCtxt.self)
            let entity = name.map { String(cString: $0) } ?? "?"
            let line = context.pointee.input.map { Int($0.pointee.line) } ?? 1
            report.refusal = MarkupProblem(
                message: "it declares the entity `\(entity)`; exports have none, and entities are never expanded",
                line: line, refused: true)
            xmlStopParser(context)
        }
    }

    /// The report of the parser context libxml2 passes to a callback as its user data.
    static func of(_ data: UnsafeMutableRawPointer?) -> ParseReport? {
        guard let data, let report = data.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return nil }
        return Unmanaged<ParseReport>.fromOpaque(report).takeUnretainedValue()
    }
}
