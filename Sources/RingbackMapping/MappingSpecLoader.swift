import RingbackJSON
import RingbackNormalisation
import RingbackYAML

/// Reads a mapping file and checks it, naming the file, line and key of every mistake.
public enum MappingSpecLoader {
    public static func load(yaml text: String, file: String) throws(YAMLFileError) -> MappingSpec {
        let root = try YAMLValue.parse(text, file: file)
        try root.allowOnly(MappingKeys.root)
        let name = try root.required("name").string()
        guard let format = MappingSpec.Format(rawValue: try root.required("format").string()) else {
            throw try root.required("format").error("expected csv, json, xml or html")
        }
        let csv = try self.csv(try root.optional("csv"))
        var (records, layout) = try json(try root.optional("json"))
        layout.recordsXPath = try recordsXPath(in: root, format: format)
        let fields = try self.fields(try root.required("fields"), format: format, csv: csv)
        if layout.lastEventWins && fields["id"] == nil {
            throw try root.required("json").error("`last_event_wins` keeps the last record of each call: it needs an `id` field")
        }
        let ruleFields = fields.merging(layout.legFields) { record, _ in record }
        let (parent, group) = try legs(try root.optional("legs"), fields: ruleFields)
        let outcome = try root.required("outcome")
        try outcome.allowOnly(MappingKeys.sections["outcome"]!)
        let answered = try conditions(try outcome.optional("answered_when"), fields: ruleFields)
        if answered.isEmpty { throw outcome.error("`answered_when` needs at least one rule; calls matching none are missed") }

        var spec = MappingSpec(
            name: name, description: try root.optional("description")?.string() ?? "", format: format,
            csvHeader: csv.header, csvColumns: csv.columns, csvMinColumns: csv.minColumns, jsonRecords: records, fields: fields,
            timeFormat: try timeFormat(try root.required("time_format")), durationFormat: try durationFormat(try root.optional("duration_format")),
            direction: try direction(try root.required("direction"), fields: fields),
            keyPrefix: try root.optional("key_prefix")?.string() ?? name, parentField: parent, groupFields: group,
            voicemailWhen: try conditions(try outcome.optional("voicemail_when"), fields: ruleFields), answeredWhen: answered,
            detect: try detectionHints(try root.optional("detect")),
            api: try APISpecLoader.load(in: root, format: format))
        spec.layout = layout
        spec.unfinishedWhen = try conditions(try outcome.optional("unfinished_when"), fields: ruleFields)
        return spec
    }

    /// The `csv:` section: whether the file has a header, or the columns in order.
    private struct CSVLayout {
        var header = true
        var columns: [String] = []
        var minColumns = 1
    }

    private static func csv(_ node: YAMLValue?) throws(YAMLFileError) -> CSVLayout {
        var layout = CSVLayout()
        guard let node else { return layout }
        try node.allowOnly(MappingKeys.sections["csv"]!)
        layout.header = try node.optional("header")?.bool() ?? true
        layout.columns = try node.optional("columns")?.strings() ?? []
        layout.minColumns = try node.optional("min_columns")?.int(min: 1) ?? (layout.columns.isEmpty ? 1 : layout.columns.count)
        if !layout.header && layout.columns.isEmpty {
            throw node.error("a CSV without a header needs `columns:` naming the columns in order")
        }
        return layout
    }

    /// The `json:` section: where the records are, and nested legs.
    private static func json(_ node: YAMLValue?) throws(YAMLFileError) -> (records: String, layout: RecordLayout) {
        var layout = RecordLayout()
        guard let node else { return ("", layout) }
        try node.allowOnly(MappingKeys.sections["json"]!)
        let records = try node.optional("records")?.string() ?? ""
        if let recordsNode = try node.optional("records") { try checkJSONPath(records, at: recordsNode) }
        layout.nestedLegs = try node.optional("legs")?.string()
        if let legsNode = try node.optional("legs"), let legs = layout.nestedLegs { try checkJSONPath(legs, at: legsNode) }
        layout.lastEventWins = try node.optional("last_event_wins")?.bool() ?? false
        if let legFields = try node.optional("leg_fields") {
            guard layout.nestedLegs != nil else { throw legFields.error("`leg_fields` describes nested legs: name their array with `legs:`") }
            for (key, value) in try legFields.entries() {
                layout.legFields[key] = try fieldSource(value, format: .json, header: true, columns: [])
            }
        }
        return (records, layout)
    }

    /// The `fields:` section: every field's column or path; a start and a caller are required.
    private static func fields(
        _ node: YAMLValue, format: MappingSpec.Format, csv: CSVLayout
    )
        throws(YAMLFileError) -> [String: MappingSpec.FieldSource]
    {
        var fields: [String: MappingSpec.FieldSource] = [:]
        for (key, value) in try node.entries() {
            fields[key] = try fieldSource(value, format: format, header: csv.header, columns: csv.columns)
        }
        if fields["start"] == nil {
            throw node.error("`start` is required: every call needs a start time")
        }
        if fields["from"] == nil && fields["customer"] == nil {
            throw node.error("`from` (or `customer`, for exports that name the outside party whatever the direction) is required")
        }
        return fields
    }

    private static func durationFormat(_ node: YAMLValue?) throws(YAMLFileError) -> MappingSpec.DurationFormat {
        guard let node else { return .auto }
        guard let value = MappingSpec.DurationFormat(rawValue: try node.string()) else { throw node.error("expected auto or milliseconds") }
        return value
    }

    /// The `direction:` section: values of the direction field, or inferred from the business's numbers.
    private static func direction(
        _ node: YAMLValue, fields: [String: MappingSpec.FieldSource]
    )
        throws(YAMLFileError) -> MappingSpec.DirectionRule
    {
        if let infer = try node.optional("infer"), try infer.bool() { return .inferFromNumbers }
        try node.allowOnly(MappingKeys.sections["direction"]!)
        guard fields["direction"] != nil else {
            throw node.error("direction values need a `direction` field under `fields:`; or use `infer: true`")
        }
        return .field(
            inbound: Set(try node.required("inbound").strings().map { $0.lowercased() }),
            outbound: Set(try node.required("outbound").strings().map { $0.lowercased() }))
    }

    /// The `legs:` section: how the records of one call are grouped.
    private static func legs(
        _ node: YAMLValue?, fields: [String: MappingSpec.FieldSource]
    )
        throws(YAMLFileError) -> (parent: String?, group: [[String]])
    {
        guard let node else { return (nil, []) }
        try node.allowOnly(MappingKeys.sections["legs"]!)
        let parent = try node.optional("parent")?.string()
        var group: [[String]] = []
        for item in try node.optional("group_by")?.itemsOrSingle() ?? [] {
            let fieldsOfEntry = try item.strings()
            for field in fieldsOfEntry where fields[field] == nil {
                throw item.error("`\(field)` is not defined under `fields:`")
            }
            group.append(fieldsOfEntry)
        }
        if let parent, fields[parent] == nil {
            throw node.error("`\(parent)` is not defined under `fields:`")
        }
        return (parent, group)
    }

    /// The `detect:` section: what lets Ringback recognise the export by itself.
    private static func detectionHints(_ node: YAMLValue?) throws(YAMLFileError) -> DetectionHints {
        var hints = DetectionHints()
        guard let node else { return hints }
        try node.allowOnly(MappingKeys.sections["detect"]!)
        hints.jsonKeys = try node.optional("json_keys")?.strings() ?? []
        hints.texts = try node.optional("text")?.strings() ?? []
        hints.headerColumns = try node.optional("header_columns")?.strings() ?? []
        for (key, value) in try node.optional("column_kinds")?.entries() ?? [] {
            guard let column = Int(key), column >= 1 else { throw value.error("expected a 1-based column number as key") }
            guard let kind = DetectionHints.ValueKind(rawValue: try value.string()) else {
                throw value.error("expected one of \(DetectionHints.ValueKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            hints.columnKinds[column] = kind
        }
        return hints
    }

    private static func fieldSource(
        _ value: YAMLValue, format: MappingSpec.Format, header: Bool, columns: [String]
    ) throws(YAMLFileError) -> MappingSpec.FieldSource {
        var names: [String] = []
        var position: Int?
        var part = MappingSpec.FieldSource.Part.whole
        var decode: TextDecoding?
        if value.isMapping {
            try value.allowOnly(MappingKeys.sections["fields.NAME"]!)
            if let column = try value.optional("column") {
                for text in try column.strings() {
                    if let number = Int(text), position == nil, names.isEmpty { position = number } else { names.append(text) }
                }
            }
            if let path = try value.optional("path") { names = try path.strings() }
            if let partNode = try value.optional("part") {
                guard let parsed = MappingSpec.FieldSource.Part(rawValue: try partNode.string()) else {
                    throw partNode.error("expected whole, name or number")
                }
                part = parsed
            }
            if let decodeNode = try value.optional("decode") {
                guard let parsed = TextDecoding(rawValue: try decodeNode.string()) else { throw decodeNode.error("expected url") }
                decode = parsed
            }
        } else {
            names = try value.strings()
        }
        if position == nil && names.isEmpty { throw value.error("expected `column:` or `path:`") }
        if names.count > 1 && (format == .xml || format == .html) {
            throw value.error("an XPath field takes one expression; XPath's `|` joins several")
        }
        if format == .json { for path in names { try checkJSONPath(path, at: value) } }
        var name = names.first
        if format == .csv && !header, let column = name {
            guard let index = columns.firstIndex(of: column) else {
                throw value.error("column `\(column)` is not in `csv.columns`")
            }
            position = index + 1
            name = nil
        }
        if format == .csv && !header, let unknown = names.dropFirst().first(where: { !columns.contains($0) }) {
            throw value.error("column `\(unknown)` is not in `csv.columns`")
        }
        if let position, position < 1 { throw value.error("column positions start at 1") }
        if format == .xml || format == .html {
            if position != nil { throw value.error("XML and HTML fields are XPath expressions (`path:`), not column numbers") }
            try checkXPath(name ?? "", at: value)
        }
        return MappingSpec.FieldSource(name: name, position: position, part: part, decode: decode, fallbacks: Array(names.dropFirst()))
    }

    /// A JSON path the engine cannot read is refused with the character it goes wrong at.
    static func checkJSONPath(_ path: String, at node: YAMLValue) throws(YAMLFileError) {
        do {
            _ = try JSONPath(parsing: path)
        } catch {
            throw node.error("path `\(path)` \(error) (see docs/mappings.md, Paths)")
        }
    }

    /// XML and HTML mappings name their records with `xml: records:` or `html: records:`.
    private static func recordsXPath(in root: YAMLValue, format: MappingSpec.Format) throws(YAMLFileError) -> String {
        for section in ["xml", "html"] {
            guard let node = try root.optional(section) else { continue }
            guard format.rawValue == section else {
                throw node.error("`\(section):` describes \(section) files; this mapping's format is \(format.rawValue)")
            }
            try node.allowOnly(MappingKeys.sections[section]!)
            let recordsNode = try node.required("records")
            let xpath = try recordsNode.string()
            try checkXPath(xpath, at: recordsNode)
            return xpath
        }
        if format == .xml || format == .html {
            throw try root.required("format").error(
                "an \(format.rawValue) mapping needs `\(format.rawValue): records:` with the XPath of its records")
        }
        return ""
    }

    /// An expression libxml2 refuses, or one that selects no nodes, is reported with the mapping's line.
    private static func checkXPath(_ xpath: String, at node: YAMLValue) throws(YAMLFileError) {
        switch XPathValueCheck.check(xpath) {
        case .failure(let problem): throw node.error("XPath `\(xpath)`: \(problem)")
        case .success(.nodeSet): return
        case .success(let type):
            throw node.error("XPath `\(xpath)` gives \(type.rawValue), not nodes: select an element or an attribute, e.g. `abbr/@title`")
        }
    }

    private static func timeFormat(_ node: YAMLValue) throws(YAMLFileError) -> MappingSpec.TimeFormat {
        let text = try node.string()
        switch text {
        case "rfc2822": return .rfc2822
        case "iso8601": return .iso8601
        case "epoch": return .epochSeconds
        case "epoch_ms": return .epochMilliseconds
        default:
            do {
                _ = try LocalPattern(text)
            } catch {
                throw node.error("expected rfc2822, iso8601, epoch, epoch_ms or a local pattern like \"yyyy-MM-dd HH:mm:ss\": \(error)")
            }
            return .local(text)
        }
    }

    private static func conditions(_ node: YAMLValue?, fields: [String: MappingSpec.FieldSource]) throws(YAMLFileError) -> [LegCondition] {
        guard let node else { return [] }
        return try conditions(node) { key, value throws(YAMLFileError) in
            guard fields[key] != nil else { throw value.error("`\(key)` is not defined under `fields:`") }
        }
    }

    /// A list of rules, each a map of field → test and an optional `leg:`; `check` vets each field name.
    static func conditions(
        _ node: YAMLValue, check: (String, YAMLValue) throws(YAMLFileError) -> Void
    ) throws(YAMLFileError) -> [LegCondition] {
        var out: [LegCondition] = []
        for item in try node.items() {
            var scope = LegCondition.LegScope.any
            var tests: [(String, LegCondition.Test)] = []
            for (key, value) in try item.entries() {
                if key == "leg" {
                    guard let parsed = LegCondition.LegScope(rawValue: try value.string()) else {
                        throw value.error("expected any, root, child or only")
                    }
                    scope = parsed
                    continue
                }
                try check(key, value)
                tests.append((key, try test(value)))
            }
            if tests.isEmpty { throw item.error("a rule needs at least one field test") }
            out.append(LegCondition(scope: scope, tests: tests))
        }
        return out
    }

    private static func test(_ value: YAMLValue) throws(YAMLFileError) -> LegCondition.Test {
        guard value.isMapping else { return .oneOf(Set(try value.strings().map { $0.lowercased() })) }
        try value.allowOnly(MappingKeys.sections["outcome.RULE.FIELD"]!)
        if let not = try value.optional("not") { return .noneOf(Set(try not.strings().map { $0.lowercased() })) }
        if let empty = try value.optional("empty") { return .empty(try empty.bool()) }
        if let above = try value.optional("above") {
            guard let limit = Double(try above.string()) else { throw above.error("expected a number") }
            return .above(limit)
        }
        throw value.error("expected a list of values, or one of not:, empty:, above:")
    }
}
