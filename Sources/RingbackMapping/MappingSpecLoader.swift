import RingbackNormalisation
import RingbackYAML

/// Reads a mapping file and checks it, naming the file, line and key of every mistake.
public enum MappingSpecLoader {
    public static func load(yaml text: String, file: String) throws(YAMLFileError) -> MappingSpec {
        let root = try YAMLValue.parse(text, file: file)
        try root.allowOnly([
            "name", "description", "format", "csv", "json", "fields", "time_format", "duration_format",
            "direction", "key_prefix", "legs", "outcome", "detect", "api", "xml", "html",
        ])
        let name = try root.required("name").string()
        guard let format = MappingSpec.Format(rawValue: try root.required("format").string()) else {
            throw try root.required("format").error("expected csv, json, xml or html")
        }

        var header = true
        var columns: [String] = []
        var minColumns = 1
        if let csv = try root.optional("csv") {
            try csv.allowOnly(["header", "columns", "min_columns"])
            header = try csv.optional("header")?.bool() ?? true
            columns = try csv.optional("columns")?.strings() ?? []
            minColumns = try csv.optional("min_columns")?.int(min: 1) ?? (columns.isEmpty ? 1 : columns.count)
            if !header && columns.isEmpty {
                throw csv.error("a CSV without a header needs `columns:` naming the columns in order")
            }
        }
        var records = ""
        var layout = RecordLayout()
        if let json = try root.optional("json") {
            try json.allowOnly(["records", "legs", "leg_fields", "last_event_wins"])
            records = try json.optional("records")?.string() ?? ""
            layout.nestedLegs = try json.optional("legs")?.string()
            layout.lastEventWins = try json.optional("last_event_wins")?.bool() ?? false
            if let legFields = try json.optional("leg_fields") {
                guard layout.nestedLegs != nil else { throw legFields.error("`leg_fields` describes nested legs: name their array with `legs:`") }
                for (key, value) in try legFields.entries() {
                    layout.legFields[key] = try fieldSource(value, format: .json, header: true, columns: [])
                }
            }
        }
        layout.recordsXPath = try recordsXPath(in: root, format: format)

        let fieldsNode = try root.required("fields")
        var fields: [String: MappingSpec.FieldSource] = [:]
        for (key, value) in try fieldsNode.entries() {
            fields[key] = try fieldSource(value, format: format, header: header, columns: columns)
        }
        if fields["start"] == nil {
            throw fieldsNode.error("`start` is required: every call needs a start time")
        }
        if fields["from"] == nil && fields["customer"] == nil {
            throw fieldsNode.error("`from` (or `customer`, for exports that name the outside party whatever the direction) is required")
        }
        if layout.lastEventWins && fields["id"] == nil {
            throw try root.required("json").error("`last_event_wins` keeps the last record of each call: it needs an `id` field")
        }
        let ruleFields = fields.merging(layout.legFields) { record, _ in record }

        let timeNode = try root.required("time_format")
        let timeFormat = try self.timeFormat(timeNode)
        let durationFormat: MappingSpec.DurationFormat
        if let node = try root.optional("duration_format") {
            guard let value = MappingSpec.DurationFormat(rawValue: try node.string()) else { throw node.error("expected auto or milliseconds") }
            durationFormat = value
        } else {
            durationFormat = .auto
        }

        let direction: MappingSpec.DirectionRule
        let directionNode = try root.required("direction")
        if let infer = try directionNode.optional("infer"), try infer.bool() {
            direction = .inferFromNumbers
        } else {
            try directionNode.allowOnly(["inbound", "outbound", "infer"])
            guard fields["direction"] != nil else {
                throw directionNode.error("direction values need a `direction` field under `fields:`; or use `infer: true`")
            }
            direction = .field(
                inbound: Set(try directionNode.required("inbound").strings().map { $0.lowercased() }),
                outbound: Set(try directionNode.required("outbound").strings().map { $0.lowercased() }))
        }

        var parent: String?
        var group: [[String]] = []
        if let legs = try root.optional("legs") {
            try legs.allowOnly(["parent", "group_by"])
            parent = try legs.optional("parent")?.string()
            for item in try legs.optional("group_by")?.itemsOrSingle() ?? [] {
                let fieldsOfEntry = try item.strings()
                for field in fieldsOfEntry where ruleFields[field] == nil {
                    throw item.error("`\(field)` is not defined under `fields:`")
                }
                group.append(fieldsOfEntry)
            }
            if let parent, ruleFields[parent] == nil {
                throw legs.error("`\(parent)` is not defined under `fields:`")
            }
        }

        let outcome = try root.required("outcome")
        try outcome.allowOnly(["voicemail_when", "answered_when", "unfinished_when"])
        let voicemail = try conditions(try outcome.optional("voicemail_when"), fields: ruleFields)
        let answered = try conditions(try outcome.optional("answered_when"), fields: ruleFields)
        let unfinished = try conditions(try outcome.optional("unfinished_when"), fields: ruleFields)
        if answered.isEmpty { throw outcome.error("`answered_when` needs at least one rule; calls matching none are missed") }

        var hints = DetectionHints()
        if let detect = try root.optional("detect") {
            try detect.allowOnly(["json_keys", "header_columns", "column_kinds", "text"])
            hints.jsonKeys = try detect.optional("json_keys")?.strings() ?? []
            hints.texts = try detect.optional("text")?.strings() ?? []
            hints.headerColumns = try detect.optional("header_columns")?.strings() ?? []
            if let kinds = try detect.optional("column_kinds") {
                for (key, value) in try kinds.entries() {
                    guard let column = Int(key), column >= 1 else { throw value.error("expected a 1-based column number as key") }
                    guard let kind = DetectionHints.ValueKind(rawValue: try value.string()) else {
                        throw value.error("expected one of \(DetectionHints.ValueKind.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    hints.columnKinds[column] = kind
                }
            }
        }

        var spec = MappingSpec(
            name: name, description: try root.optional("description")?.string() ?? "", format: format,
            csvHeader: header, csvColumns: columns, csvMinColumns: minColumns, jsonRecords: records, fields: fields,
            timeFormat: timeFormat, durationFormat: durationFormat, direction: direction,
            keyPrefix: try root.optional("key_prefix")?.string() ?? name, parentField: parent, groupFields: group,
            voicemailWhen: voicemail, answeredWhen: answered, detect: hints,
            api: try APISpecLoader.load(in: root, format: format))
        spec.layout = layout
        spec.unfinishedWhen = unfinished
        return spec
    }

    private static func fieldSource(
        _ value: YAMLValue, format: MappingSpec.Format, header: Bool, columns: [String]
    ) throws(YAMLFileError) -> MappingSpec.FieldSource {
        var name: String?
        var position: Int?
        var part = MappingSpec.FieldSource.Part.whole
        var decode: TextDecoding?
        if value.isMapping {
            try value.allowOnly(["column", "path", "part", "decode"])
            if let column = try value.optional("column") {
                let text = try column.string()
                if let number = Int(text) { position = number } else { name = text }
            }
            name = try value.optional("path")?.string() ?? name
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
            name = try value.string()
        }
        if position == nil && name == nil { throw value.error("expected `column:` or `path:`") }
        if format == .csv && !header, let column = name {
            guard let index = columns.firstIndex(of: column) else {
                throw value.error("column `\(column)` is not in `csv.columns`")
            }
            position = index + 1
            name = nil
        }
        if let position, position < 1 { throw value.error("column positions start at 1") }
        if format == .xml || format == .html {
            if position != nil { throw value.error("XML and HTML fields are XPath expressions (`path:`), not column numbers") }
            try checkXPath(name ?? "", at: value)
        }
        return MappingSpec.FieldSource(name: name, position: position, part: part, decode: decode)
    }

    /// XML and HTML mappings name their records with `xml: records:` or `html: records:`.
    private static func recordsXPath(in root: YAMLValue, format: MappingSpec.Format) throws(YAMLFileError) -> String {
        for section in ["xml", "html"] {
            guard let node = try root.optional(section) else { continue }
            guard format.rawValue == section else {
                throw node.error("`\(section):` describes \(section) files; this mapping's format is \(format.rawValue)")
            }
            try node.allowOnly(["records"])
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
                guard fields[key] != nil else { throw value.error("`\(key)` is not defined under `fields:`") }
                tests.append((key, try test(value)))
            }
            if tests.isEmpty { throw item.error("a rule needs at least one field test") }
            out.append(LegCondition(scope: scope, tests: tests))
        }
        return out
    }

    private static func test(_ value: YAMLValue) throws(YAMLFileError) -> LegCondition.Test {
        guard value.isMapping else { return .oneOf(Set(try value.strings().map { $0.lowercased() })) }
        try value.allowOnly(["not", "empty", "above"])
        if let not = try value.optional("not") { return .noneOf(Set(try not.strings().map { $0.lowercased() })) }
        if let empty = try value.optional("empty") { return .empty(try empty.bool()) }
        if let above = try value.optional("above") {
            guard let limit = Double(try above.string()) else { throw above.error("expected a number") }
            return .above(limit)
        }
        throw value.error("expected a list of values, or one of not:, empty:, above:")
    }
}
