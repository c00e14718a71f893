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
    let slots: FieldSlots

    public init(spec: MappingSpec, context: MappingContext) {
        self.spec = spec
        self.context = context
        var names: [String] = []
        for condition in spec.voicemailWhen + spec.answeredWhen {
            for (field, _) in condition.tests where !names.contains(field) { names.append(field) }
        }
        outcomeFields = names
        slots = FieldSlots(spec: spec, outcomeFields: names)
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
        var columns: [Int?]?
        var fileProblem: RecordReject?
        var values = [String](repeating: "", count: slots.count)
        result.legs.reserveCapacity(bytes.withUnsafeBufferPointer { buffer in
            var lines = 0
            for byte in buffer where byte == 0x0A { lines += 1 }
            return lines + 1
        })
        func readRow(_ record: borrowing CSVRecordView) {
            let columns = columns!
            result.records += 1
            if record.count < spec.csvMinColumns {
                result.rejects.append(RecordReject(file: file, location: String(record.line),
                                                   reason: "expected at least \(spec.csvMinColumns) columns, found \(record.count)",
                                                   raw: record.fields.joined(separator: ",")))
                return
            }
            var start: Date?
            for slot in 0..<columns.count {
                guard let column = columns[slot] else {
                    values[slot] = ""
                    continue
                }
                if slot == slots.start, slots.parts[slot] == .whole {
                    start = record.withFieldBytes(column) { parseTime($0) }
                    if start != nil {
                        values[slot] = ""
                        continue
                    }
                }
                values[slot] = record[column]
            }
            switch leg(values, parsedStart: start, location: String(record.line), file: file) {
            case .success(let leg): result.legs.append(leg)
            case .failure(let reject):
                var reject = reject
                reject.raw = record.fields.joined(separator: ",")
                result.rejects.append(reject)
            }
        }

        let problems = reader.forEachRecord { record in
            if fileProblem != nil { return }
            if columns == nil {
                guard spec.csvHeader else {
                    columns = slots.names.map { name in spec.fields[name]!.position.map { $0 - 1 } }
                    return readRow(record)
                }
                var found: [String: Int] = [:]
                for index in 0..<record.count {
                    let name = record[index].trimmingWhitespace().lowercased()
                    if found[name] == nil { found[name] = index }
                }
                var resolved: [Int?] = []
                for name in slots.names {
                    let source = spec.fields[name]!
                    let index = source.position.map { $0 - 1 } ?? source.name.flatMap { found[$0.lowercased()] }
                    if index == nil && (name == "start" || name == "from" || name == "customer" || (name == "direction" && directionFromField)) {
                        fileProblem = RecordReject(file: file, location: String(record.line),
                                                   reason: "header has no column `\(source.name ?? "?")` for \(name); is this a \(spec.name) export?",
                                                   raw: record.fields.joined(separator: ","))
                    }
                    resolved.append(index)
                }
                columns = resolved
                return
            }
            readRow(record)
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
        let base = spec.jsonRecords.isEmpty ? "" : spec.jsonRecords
        for (index, element) in array.enumerated() {
            result.records += 1
            let location = "\(base)[\(index)]"
            guard let record = element as? [String: Any] else {
                result.rejects.append(RecordReject(file: file, location: location, reason: "expected an object"))
                continue
            }
            let values = slots.names.map { JSONText.string(JSONText.value(at: spec.fields[$0]!.name ?? "", in: record)) }
            switch leg(values, parsedStart: nil, location: location, file: file) {
            case .success(let leg): result.legs.append(leg)
            case .failure(let reject): result.rejects.append(reject)
            }
        }
        return result
    }

    // MARK: Legs

    /// - Parameters:
    ///   - raw: the record's text per field slot.
    ///   - parsedStart: the start time when the caller already parsed it from the record's bytes.
    private func leg(_ raw: [String], parsedStart: Date?, location: String, file: String) -> Result<CallLeg, RecordReject> {
        func value(_ slot: Int?) -> String {
            guard let slot else { return "" }
            let text = raw[slot]
            switch slots.parts[slot] {
            case .whole: return text.trimmingWhitespace()
            case .name: return CallerIDText.name(text)
            case .number: return CallerIDText.number(text).trimmingWhitespace()
            }
        }
        func reject(_ reason: String) -> Result<CallLeg, RecordReject> {
            .failure(RecordReject(file: file, location: location, reason: reason))
        }

        let start: Date
        if let parsedStart {
            start = parsedStart
        } else {
            let startText = value(slots.start)
            guard !startText.isEmpty else { return reject("no start time") }
            guard let parsed = parseTime(startText) else { return reject("start time `\(startText)` is not \(timeFormatName)") }
            start = parsed
        }

        let fromText = slots.from.map { slots.parts[$0] == .whole } == true ? CallerIDText.number(value(slots.from)) : value(slots.from)
        var from = party(fromText)
        var to = party(CallerIDText.number(value(slots.to)))

        let direction: CallDirection
        switch spec.direction {
        case .field(let inbound, let outbound):
            let text = value(slots.direction).lowercased()
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

        if slots.customer != nil {
            let customer = party(CallerIDText.number(value(slots.customer)))
            let business = party(CallerIDText.number(value(slots.business)))
            from = direction == .inbound ? customer : business
            to = direction == .inbound ? business : customer
        }

        var duration = 0
        let durationText = value(slots.duration)
        if !durationText.isEmpty {
            let parsed = spec.durationFormat == .milliseconds ? DurationParser.secondsFromMilliseconds(durationText) : DurationParser.seconds(durationText)
            guard let parsed else { return reject("duration `\(durationText)` is not a number of seconds") }
            duration = parsed
        }

        var callerName = value(slots.callerName)
        // Only caller-ID text (`"Name" <number>`) carries a name; a bare `client:alice` or `Anonymous` is none.
        if callerName.isEmpty, let fromSlot = slots.from, slots.parts[fromSlot] == .whole, CallerIDText.hasAngleBrackets(raw[fromSlot]) {
            callerName = CallerIDText.name(raw[fromSlot])
        }

        var group = ""
        for slot in slots.group {
            let text = value(slot)
            if !text.isEmpty {
                group = text
                break
            }
        }
        return .success(CallLeg(
            location: location, file: file, id: value(slots.id), parent: value(slots.parent), group: group,
            start: start, from: from, to: to, direction: direction, durationSeconds: duration,
            callerName: callerName, transcript: value(slots.transcript), recording: value(slots.recording),
            trackingSource: value(slots.trackingSource), ruleValues: slots.outcome.map(value)))
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

    private func parseTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        switch spec.timeFormat {
        case .rfc2822: return TimestampParser.rfc2822(bytes)
        case .iso8601: return TimestampParser.iso8601(bytes, defaultZone: context.zone)
        case .epochSeconds: return TimestampParser.epochSeconds(bytes)
        case .epochMilliseconds: return TimestampParser.epochMilliseconds(bytes)
        case .local: return localPattern.flatMap { TimestampParser.local(bytes, pattern: $0, zone: context.zone) }
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
