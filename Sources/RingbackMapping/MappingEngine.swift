import Foundation
import RingbackCodecs
import RingbackCore
import RingbackNormalisation

/// Runs one mapping over export files: records → legs (with rejects) → calls.
public struct MappingEngine: Sendable {
    public let spec: MappingSpec
    public let context: MappingContext
    /// Field names the outcome rules test, in the order of `CallLeg.ruleValues`.
    public let outcomeFields: [String]
    private let localPattern: LocalPattern?

    public init(spec: MappingSpec, context: MappingContext) {
        self.spec = spec
        self.context = context
        var names: [String] = []
        for condition in spec.voicemailWhen + spec.answeredWhen {
            for (field, _) in condition.tests where !names.contains(field) { names.append(field) }
        }
        outcomeFields = names
        if case .local(let pattern) = spec.timeFormat { localPattern = try? LocalPattern(pattern) } else { localPattern = nil }
    }

    /// Legs and rejects read from one file, and how many records it held.
    public struct FileResult: Sendable {
        public var legs: [CallLeg] = []
        public var rejects: [RecordReject] = []
        public var records = 0
    }

    public func read(bytes: [UInt8], file: String) -> FileResult {
        switch spec.format {
        case .csv: return readCSV(bytes: bytes, file: file)
        case .json: return readJSON(bytes: bytes, file: file)
        }
    }

    // MARK: Records

    private func readCSV(bytes: [UInt8], file: String) -> FileResult {
        var result = FileResult()
        let reader = CSVReader(bytes: bytes, delimiter: CSVReader.sniffDelimiter(bytes.prefix(4096)))
        var columns: [String: Int]?
        var lookups: [(String, Int?)] = []
        let wanted = neededFields()
        var fileProblem: RecordReject?
        let problems = reader.forEachRecord { record in
            if fileProblem != nil { return }
            if spec.csvHeader && columns == nil {
                var found: [String: Int] = [:]
                for index in 0..<record.count {
                    found[record[index].trimmingWhitespace().lowercased()] = found[record[index].trimmingWhitespace().lowercased()] ?? index
                }
                columns = found
                for name in wanted {
                    let source = spec.fields[name]!
                    let index = source.position.map { $0 - 1 } ?? source.name.flatMap { found[$0.lowercased()] }
                    if index == nil && (name == "start" || name == "from" || name == "customer" || (name == "direction" && directionFromField)) {
                        fileProblem = RecordReject(file: file, location: String(record.line),
                                                   reason: "header has no column `\(source.name ?? "?")` for \(name); is this a \(spec.name) export?",
                                                   raw: record.fields.joined(separator: ","))
                    }
                    lookups.append((name, index))
                }
                return
            }
            if lookups.isEmpty {
                lookups = wanted.map { ($0, spec.fields[$0]!.position.map { $0 - 1 }) }
                columns = [:]
            }
            result.records += 1
            if record.count < spec.csvMinColumns {
                result.rejects.append(RecordReject(file: file, location: String(record.line),
                                                   reason: "expected at least \(spec.csvMinColumns) columns, found \(record.count)",
                                                   raw: record.fields.joined(separator: ",")))
                return
            }
            var values: [String: String] = [:]
            for (name, index) in lookups {
                values[name] = index.map { record[$0] } ?? ""
            }
            switch leg(values, location: String(record.line), file: file) {
            case .success(let leg): result.legs.append(leg)
            case .failure(let reject):
                var reject = reject
                reject.raw = record.fields.joined(separator: ",")
                result.rejects.append(reject)
            }
        }
        if let fileProblem { result.rejects.append(fileProblem) }
        for problem in problems {
            result.rejects.append(RecordReject(file: file, location: String(problem.line), reason: problem.message))
        }
        return result
    }

    private func readJSON(bytes: [UInt8], file: String) -> FileResult {
        var result = FileResult()
        let text = LenientText.decode(bytes)
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            result.rejects.append(RecordReject(file: file, location: "1", reason: "not valid JSON: \(JSONText.reason(error))"))
            return result
        }
        guard let array = JSONText.value(at: spec.jsonRecords, in: parsed) as? [Any] else {
            let path = spec.jsonRecords.isEmpty ? "a top-level array" : "an array at `\(spec.jsonRecords)`"
            result.rejects.append(RecordReject(file: file, location: "1", reason: "expected \(path) of call records; is this a \(spec.name) export?"))
            return result
        }
        let wanted = neededFields()
        let base = spec.jsonRecords.isEmpty ? "" : spec.jsonRecords
        for (index, element) in array.enumerated() {
            result.records += 1
            let location = "\(base)[\(index)]"
            guard let record = element as? [String: Any] else {
                result.rejects.append(RecordReject(file: file, location: location, reason: "expected an object"))
                continue
            }
            var values: [String: String] = [:]
            for name in wanted {
                values[name] = JSONText.string(JSONText.value(at: spec.fields[name]!.name ?? "", in: record))
            }
            switch leg(values, location: location, file: file) {
            case .success(let leg): result.legs.append(leg)
            case .failure(let reject): result.rejects.append(reject)
            }
        }
        return result
    }

    private func neededFields() -> [String] {
        var names = MappingSpec.roleNames.filter { spec.fields[$0] != nil }.sorted()
        for name in outcomeFields + spec.groupFields + [spec.parentField].compactMap({ $0 }) where !names.contains(name) {
            names.append(name)
        }
        return names
    }

    // MARK: Legs

    private func leg(_ raw: [String: String], location: String, file: String) -> Result<CallLeg, RecordReject> {
        func value(_ name: String) -> String {
            guard let text = raw[name], let source = spec.fields[name] else { return "" }
            switch source.part {
            case .whole: return text.trimmingWhitespace()
            case .name: return CallerIDText.name(text)
            case .number: return CallerIDText.number(text).trimmingWhitespace()
            }
        }
        func reject(_ reason: String) -> Result<CallLeg, RecordReject> {
            .failure(RecordReject(file: file, location: location, reason: reason))
        }

        let startText = value("start")
        guard !startText.isEmpty else { return reject("no start time") }
        guard let start = parseTime(startText) else { return reject("start time `\(startText)` is not \(timeFormatName)") }

        let fromText = spec.fields["from"]?.part == .whole ? CallerIDText.number(value("from")) : value("from")
        var from = party(fromText)
        var to = party(CallerIDText.number(value("to")))

        let direction: CallDirection
        switch spec.direction {
        case .field(let inbound, let outbound):
            let text = value("direction").lowercased()
            if inbound.contains(text) {
                direction = .inbound
            } else if outbound.contains(text) {
                direction = .outbound
            } else {
                return reject("direction `\(text)` is neither inbound (\(inbound.sorted().joined(separator: ", "))) nor outbound (\(outbound.sorted().joined(separator: ", ")))")
            }
        case .inferFromNumbers:
            direction = isBusinessSide(from) ? .outbound : .inbound
        }

        if spec.fields["customer"] != nil {
            let customer = party(CallerIDText.number(value("customer")))
            let business = party(CallerIDText.number(value("business")))
            from = direction == .inbound ? customer : business
            to = direction == .inbound ? business : customer
        }

        var duration = 0
        let durationText = value("duration")
        if !durationText.isEmpty {
            let parsed = spec.durationFormat == .milliseconds ? DurationParser.secondsFromMilliseconds(durationText) : DurationParser.seconds(durationText)
            guard let parsed else { return reject("duration `\(durationText)` is not a number of seconds") }
            duration = parsed
        }

        var callerName = value("caller_name")
        // Only caller-ID text (`"Name" <number>`) carries a name; a bare `client:alice` or `Anonymous` is none.
        if callerName.isEmpty, spec.fields["from"]?.part == .whole, let whole = raw["from"], whole.contains("<") {
            callerName = CallerIDText.name(whole)
        }

        let id = value("id")
        var group = ""
        for field in spec.groupFields {
            let text = value(field)
            if !text.isEmpty {
                group = text
                break
            }
        }
        return .success(CallLeg(
            location: location, file: file, id: id, parent: spec.parentField.map(value) ?? "", group: group,
            start: start, from: from, to: to, direction: direction, durationSeconds: duration,
            callerName: callerName, transcript: value("transcript"), recording: value("recording"),
            trackingSource: value("tracking_source"), ruleValues: outcomeFields.map(value)))
    }

    /// Whether every record needs a `direction` value (rather than inferring it from the numbers).
    private var directionFromField: Bool {
        if case .field = spec.direction { return true }
        return false
    }

    private var timeFormatName: String {
        switch spec.timeFormat {
        case .rfc2822: return "an RFC 2822 time like `Fri, 18 Oct 2019 17:00:00 +0000`"
        case .iso8601: return "an ISO 8601 time like `2026-03-31T09:48:19-07:00`"
        case .epochSeconds: return "a UNIX time in seconds"
        case .epochMilliseconds: return "a UNIX time in milliseconds"
        case .local(let pattern): return "a local time of the form `\(pattern)`"
        }
    }

    private func parseTime(_ text: String) -> Date? {
        switch spec.timeFormat {
        case .rfc2822: return TimestampParser.rfc2822(text)
        case .iso8601: return TimestampParser.iso8601(text, defaultZone: context.zone)
        case .epochSeconds: return TimestampParser.epochSeconds(text)
        case .epochMilliseconds: return TimestampParser.epochMilliseconds(text)
        case .local: return localPattern.flatMap { TimestampParser.local(text, pattern: $0, zone: context.zone) }
        }
    }

    func party(_ text: String) -> Party {
        switch context.phones.normalise(text) {
        case .number(let e164, _): return .number(e164)
        case .anonymous: return .anonymous
        case .shortCode(let code): return .internalExtension(code)
        case .sip(let uri): return .internalExtension(uri)
        case .unusable(let raw, let reason): return .unusable(raw: raw, reason: reason)
        }
    }

    private func isBusinessSide(_ party: Party) -> Bool {
        switch party {
        case .internalExtension: return true
        case .number(let e164): return context.ownNumbers.contains(e164)
        case .anonymous, .unusable: return false
        }
    }
}
