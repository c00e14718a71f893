import Foundation

/// Runs the rules over a labelled corpus, each voicemail as a lone call from an unknown number on a
/// weekday morning, and scores caller type, trade, urgency, ZIP and name; emergencies recalled and
/// false alarms are counted on their own, as the office cares most about those.
public struct CorpusEvaluation: Sendable {
    public struct Outcome: Sendable, Hashable {
        public var id: String
        public var expected: VoicemailCase
        public var callerType: String
        public var trade: String
        public var urgency: String
        public var zip: String
        public var name: String
        public var why: String
    }

    public static let fields = ["caller type", "trade", "urgency", "zip", "name"]
    public let outcomes: [Outcome]

    public init(cases: [VoicemailCase], rules: BusinessRules, at instant: Date) {
        let classifier = LeadClassifier(rules: rules)
        outcomes = cases.map { item in
            let call = Call(
                key: item.id, source: "corpus", startedAt: instant, direction: .inbound, customer: .number("+15125550142"),
                businessLine: .number("+15125550100"), durationSeconds: 30, outcome: .voicemail, transcript: item.text)
            let lead = Lead(id: item.id, customer: call.customer, missedCalls: [call])
            let a = classifier.assess(lead, now: instant)
            return Outcome(
                id: item.id, expected: item, callerType: a.callerType.rawValue, trade: a.service?.trade ?? "",
                urgency: a.urgency.rawValue, zip: a.intake.zip ?? "", name: a.intake.name ?? "", why: a.verdict.why)
        }
    }

    public func value(_ field: String, of outcome: Outcome) -> (got: String, want: String) {
        switch field {
        case "caller type": (outcome.callerType, outcome.expected.callerType)
        case "trade": (outcome.trade, outcome.expected.trade)
        case "urgency": (outcome.urgency, outcome.expected.urgency)
        case "zip": (outcome.zip, outcome.expected.zip)
        default: (outcome.name.lowercased(), outcome.expected.name.lowercased())
        }
    }

    public func correct(_ field: String) -> Int {
        outcomes.filter {
            let v = value(field, of: $0); return v.got == v.want
        }.count
    }

    public var emergencies: Int { outcomes.filter { $0.expected.callerType == CallerType.emergency.rawValue }.count }
    public var emergenciesRecalled: Int {
        outcomes.filter { $0.expected.callerType == CallerType.emergency.rawValue && $0.callerType == CallerType.emergency.rawValue }.count
    }
    public var falseEmergencies: Int {
        outcomes.filter { $0.expected.callerType != CallerType.emergency.rawValue && $0.callerType == CallerType.emergency.rawValue }.count
    }

    /// The report `make eval` prints: accuracy per field, emergencies, the caller-type confusion matrix, the misses.
    public func report(listMisses: Bool = true) -> String {
        var lines = ["\(outcomes.count) voicemails"]
        for field in Self.fields {
            let right = correct(field)
            lines.append(
                "  \(field.padding(toLength: 12, withPad: " ", startingAt: 0)) \(right)/\(outcomes.count)  \(Self.percent(right, outcomes.count))")
        }
        lines.append(
            "  emergencies recognised \(emergenciesRecalled)/\(emergencies), false emergencies \(falseEmergencies)/\(outcomes.count - emergencies)")
        lines.append("")
        lines.append(contentsOf: confusionMatrix())
        if listMisses {
            lines.append("")
            for outcome in outcomes {
                let wrong = Self.fields.filter {
                    let v = value($0, of: outcome); return v.got != v.want
                }
                guard !wrong.isEmpty else { continue }
                let detail = wrong.map { field in
                    let v = value(field, of: outcome); return "\(field) \(v.got.isEmpty ? "-" : v.got) (want \(v.want.isEmpty ? "-" : v.want))"
                }
                lines.append("\(outcome.id): \(detail.joined(separator: "; "))")
                lines.append("    \(outcome.expected.text)")
                lines.append("    \(outcome.why)")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Rows are the expected caller type, columns what the rules said.
    public func confusionMatrix() -> [String] {
        let types = CallerType.allCases
        let short = ["New", "Existing", "ActiveJob", "Emergency", "Vendor", "Quote"]
        var lines = [
            "caller type: expected (rows) × decided (columns)",
            "".padding(toLength: 11, withPad: " ", startingAt: 0) + short.map { $0.padding(toLength: 10, withPad: " ", startingAt: 0) }.joined(),
        ]
        for (row, expected) in types.enumerated() {
            let counts = types.map { decided in
                outcomes.filter { $0.expected.callerType == expected.rawValue && $0.callerType == decided.rawValue }.count
            }
            lines.append(
                short[row].padding(toLength: 11, withPad: " ", startingAt: 0)
                    + counts.map { String($0).padding(toLength: 10, withPad: " ", startingAt: 0) }.joined())
        }
        return lines
    }

    static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : String(format: "%.1f %%", Double(part) * 100 / Double(whole))
    }
}
