/// A mapping's XPath expressions compiled once per file read (libxml2's compiled expressions are
/// not shared between threads): the records' and each field slot's (nil for a slot without a path).
struct MarkupQueries {
    let records: XPathQuery
    let fields: [XPathQuery?]

    struct Failure: Error {
        var expression: String
        var problem: XPathProblem
    }

    static func compile(records: String, fields: [String?]) -> Result<MarkupQueries, Failure> {
        func compiled(_ expression: String) throws(Failure) -> XPathQuery {
            switch XPathQuery.compile(expression) {
            case .success(let query): return query
            case .failure(let problem): throw Failure(expression: expression, problem: problem)
            }
        }
        do throws(Failure) {
            let recordsQuery = try compiled(records)
            var fieldQueries: [XPathQuery?] = []
            for field in fields {
                fieldQueries.append(try field.map(compiled))
            }
            return .success(MarkupQueries(records: recordsQuery, fields: fieldQueries))
        } catch {
            return .failure(error)
        }
    }
}
