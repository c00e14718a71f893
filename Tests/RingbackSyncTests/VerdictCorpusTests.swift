import Foundation
import RingbackCore
import Testing

@testable import RingbackSync

/// Pins the verdicts on the labelled corpora with the shipped sample config: a rule or keyword change
/// that breaks a case that worked fails here, with the case named.
@Suite struct VerdictCorpusTests {
    static let tuesdayMorning = ISO8601DateFormatter().date(from: "2026-11-17T16:00:00Z")!

    func evaluate(_ corpus: String) throws -> CorpusEvaluation {
        let root = SampleWorkspace.repository
        let config = try ConfigLoader.load(path: root.appendingPathComponent("samples/ringback.yaml").path)
        let text = String(decoding: try Data(contentsOf: root.appendingPathComponent("eval/\(corpus)")), as: UTF8.self)
        return CorpusEvaluation(cases: try VoicemailCase.parse(jsonLines: text), rules: config.rules, at: Self.tuesdayMorning)
    }

    /// Ids of the cases each field is known to get wrong; any other miss fails.
    static let knownMisses: [String: [String: Set<String>]] = [
        "voicemails.jsonl": ["name": ["v027"]],
        "holdout.jsonl": [:],
        "blind.jsonl": ["caller type": ["b050"], "trade": ["b008"], "name": ["b017", "b024", "b034", "b039", "b042"]],
        "blind-2.jsonl": [
            "caller type": ["c050"], "trade": ["c067", "c068"], "urgency": ["c054"], "name": ["c001", "c040", "c063", "c091"],
        ],
        "blind-3.jsonl": ["name": ["d027"]],
        "blind-4.jsonl": ["urgency": ["e034"], "trade": ["e061"]],
        "blind-5.jsonl": ["trade": ["f008", "f057"], "urgency": ["f033", "f041"], "name": ["f047"]],
        "blind-6.jsonl": ["caller type": ["g037", "g043"], "trade": ["g001", "g008", "g031"], "urgency": ["g032", "g043"]],
        // h042, a burning smell from a furnace put in two days ago, was labelled an active job; the rules escalate it.
        "blind-7.jsonl": ["caller type": ["h042"], "urgency": ["h042"], "name": ["h001"]],
        "blind-8.jsonl": ["trade": ["k024", "k031"]],
        "blind-9.jsonl": ["trade": ["b9-001", "b9-095"], "urgency": ["b9-025", "b9-029"]],
        // b10-027 (an account's late notice) is labelled Electrical; b10-040 hears "three floors" as much as "hvac".
        "blind-10.jsonl": ["trade": ["b10-027", "b10-040"]],
        // p4-047, an installer who never finished and a bathroom "half done": a new lead says the same of another contractor.
        "probes-4.jsonl": ["caller type": ["p4-047"], "trade": ["p4-032", "p4-033", "p4-072"], "urgency": ["p4-047"]],
        // The unseen set written after the ninth round, without reading the rules: today's misses, pinned as found.
        "blind-11.jsonl": [
            "caller type": [
                "b11-026", "b11-030", "b11-044", "b11-056", "b11-060", "b11-062", "b11-069", "b11-072", "b11-079", "b11-080", "b11-084",
                "b11-092",
            ],
            "urgency": [
                "b11-029", "b11-030", "b11-031", "b11-060", "b11-068", "b11-073", "b11-074", "b11-076", "b11-084", "b11-092",
            ],
            "name": [
                "b11-010", "b11-016", "b11-025", "b11-027", "b11-030", "b11-033", "b11-036", "b11-038", "b11-040", "b11-042", "b11-046", "b11-051",
                "b11-052", "b11-053", "b11-057", "b11-061", "b11-062", "b11-065", "b11-070", "b11-075", "b11-079", "b11-082", "b11-083", "b11-085",
                "b11-100",
            ],
            "trade": [
                "b11-013", "b11-020", "b11-029", "b11-034", "b11-043", "b11-056", "b11-071", "b11-080", "b11-084", "b11-092",
            ],
        ],
        // Probes for the tenth round (hot or buzzing panels, sewage in a tub, safety words in another sense, single-job quotes,
        // names said last): the misses left, name extraction among them, which needs a code change.
        "probes-5.jsonl": [
            "caller type": [
                "p5-030", "p5-046",
            ],
            "urgency": [
                "p5-028", "p5-035", "p5-036", "p5-037", "p5-069",
            ],
            "name": [
                "p5-047", "p5-049", "p5-051", "p5-053", "p5-054", "p5-070",
            ],
            "trade": [
                "p5-032", "p5-070",
            ],
        ],
        // The unseen set written after the tenth round, without reading the rules: its misses, pinned as found.
        "blind-12.jsonl": [
            "caller type": [
                "b12-006", "b12-012", "b12-013", "b12-014", "b12-027", "b12-030", "b12-031", "b12-032", "b12-033", "b12-039", "b12-041", "b12-042",
                "b12-069", "b12-070", "b12-073", "b12-084", "b12-085", "b12-094", "b12-095", "b12-099",
            ],
            "urgency": [
                "b12-003", "b12-012", "b12-013", "b12-014", "b12-027", "b12-033", "b12-041", "b12-045", "b12-048", "b12-054", "b12-060", "b12-065",
                "b12-069", "b12-085", "b12-094", "b12-097", "b12-099",
            ],
            "trade": [
                "b12-005", "b12-012", "b12-013", "b12-014", "b12-019", "b12-032", "b12-040", "b12-041", "b12-048", "b12-050", "b12-069", "b12-073",
                "b12-081", "b12-084", "b12-087", "b12-089",
            ],
            "name": [
                "b12-001", "b12-003", "b12-006", "b12-013", "b12-014", "b12-020", "b12-029", "b12-031", "b12-034", "b12-037", "b12-047", "b12-062",
                "b12-069", "b12-070", "b12-077", "b12-079", "b12-082", "b12-083", "b12-097", "b12-098",
            ],
        ],
    ]

    @Test(arguments: [
        "voicemails.jsonl", "holdout.jsonl", "blind.jsonl", "blind-2.jsonl", "blind-3.jsonl", "blind-4.jsonl", "blind-5.jsonl", "blind-6.jsonl",
        "blind-7.jsonl", "blind-8.jsonl", "blind-9.jsonl", "blind-10.jsonl", "probes-4.jsonl", "blind-11.jsonl", "blind-12.jsonl",
        "probes-5.jsonl",
    ])
    func everyCaseThatWorkedStillWorks(corpus: String) throws {
        let evaluation = try evaluate(corpus)
        for field in CorpusEvaluation.fields {
            let misses = Set(
                evaluation.outcomes.filter {
                    let v = evaluation.value(field, of: $0); return v.got != v.want
                }.map(\.id))
            let known = Self.knownMisses[corpus]?[field] ?? []
            #expect(misses.subtracting(known).isEmpty, "\(corpus) \(field): new misses \(misses.subtracting(known).sorted())")
        }
        let knownTypeMisses = Self.knownMisses[corpus]?["caller type"] ?? []
        let missedEmergencies = evaluation.outcomes.filter {
            $0.expected.callerType == CallerType.emergency.rawValue && $0.callerType != CallerType.emergency.rawValue
        }
        #expect(Set(missedEmergencies.map(\.id)).isSubset(of: knownTypeMisses), "\(corpus): missed emergencies")
        let falseAlarms = evaluation.outcomes.filter {
            $0.callerType == CallerType.emergency.rawValue && $0.expected.callerType != CallerType.emergency.rawValue
        }
        #expect(Set(falseAlarms.map(\.id)).isSubset(of: knownTypeMisses))
    }

    /// Every labelled set in eval/ is pinned here or in the probes below, so a new set cannot be left out.
    @Test func everySetInEvalIsPinned() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: SampleWorkspace.repository.appendingPathComponent("eval").path)
            .filter { $0.hasSuffix(".jsonl") }
        let probes: Set<String> = ["emergencies.jsonl", "false-alarms.jsonl", "probes-2.jsonl", "probes-3.jsonl"]
        #expect(Set(files).subtracting(Self.knownMisses.keys).subtracting(probes).isEmpty)
    }

    /// Probes written against the safety rules: every emergency recognised, no routine call escalated.
    @Test func emergencyAndFalseAlarmProbes() throws {
        let emergencies = try evaluate("emergencies.jsonl")
        #expect(emergencies.emergenciesRecalled == emergencies.emergencies)
        #expect(emergencies.emergencies == emergencies.outcomes.count)
        let routine = try evaluate("false-alarms.jsonl")
        #expect(routine.falseEmergencies == 0, "\(routine.outcomes.filter { $0.callerType == CallerType.emergency.rawValue }.map(\.id))")
        for (file, count) in [("probes-2.jsonl", 25), ("probes-3.jsonl", 20)] {
            let mixed = try evaluate(file)
            #expect(mixed.emergencies == count && mixed.emergenciesRecalled == mixed.emergencies, "\(file)")
            #expect(mixed.falseEmergencies == 0, "\(file): \(mixed.outcomes.filter { $0.callerType == CallerType.emergency.rawValue }.map(\.id))")
        }
    }

    @Test func theMainCorpusHasThreeHundredVoicemailsOfEveryCallerType() throws {
        let evaluation = try evaluate("voicemails.jsonl")
        #expect(evaluation.outcomes.count >= 300)
        for type in CallerType.allCases {
            #expect(evaluation.outcomes.contains { $0.expected.callerType == type.rawValue })
        }
        #expect(evaluation.report().contains("caller type: expected (rows) × decided (columns)"))
    }

    @Test func bothSampleConfigsShareTheKeywordsAndServices() throws {
        let root = SampleWorkspace.repository
        func block(_ file: String) throws -> String {
            let text = String(decoding: try Data(contentsOf: root.appendingPathComponent("samples/\(file)")), as: UTF8.self)
            let start = text.range(of: "# Words in voicemail transcripts")!.lowerBound
            let end = text.range(of: "# CSV files with a `phone` column")!.lowerBound
            return String(text[start..<end])
        }
        #expect(try block("ringback.yaml") == block("ringback-google.yaml"))
    }

    /// The sample with `same_day:`'s first item replaced, loaded: the line of that item and the error.
    func refusal(sameDayFirst item: String) throws -> (line: Int, message: String?) {
        let workspace = try SampleWorkspace()
        defer { workspace.remove() }
        let text = try workspace.read(workspace.configPath).replacingOccurrences(of: "  same_day: [today,", with: "  same_day: [\(item), today,")
        try workspace.write(text, to: "samples/ringback.yaml")
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("same_day: [\(item)") }! + 1
        do {
            _ = try ConfigLoader.load(path: workspace.configPath)
            return (line, nil)
        } catch {
            return (line, "\(error)")
        }
    }

    @Test func aConceptThatIsNotDefinedIsRefusedWithFileLineAndKey() throws {
        let (line, message) = try refusal(sameDayFirst: "$soon + call")
        #expect(message?.contains("ringback.yaml:\(line): keywords.same_day") == true)
        #expect(message?.contains("$soon, which is not one of the concepts") == true)
        let config = try ConfigLoader.load(path: SampleWorkspace.repository.appendingPathComponent("samples/ringback.yaml").path)
        #expect(config.rules.text.concepts["vulnerable"]?.contains("baby") == true)
    }

    @Test func aKeywordWithoutWordsIsRefusedWithFileLineAndKey() throws {
        let (line, message) = try refusal(sameDayFirst: "\"--\"")
        #expect(message?.contains("ringback.yaml:\(line): keywords.same_day") == true)
        #expect(message?.contains("has no word to match") == true)
    }
}
