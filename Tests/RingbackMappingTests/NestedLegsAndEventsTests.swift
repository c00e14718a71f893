import Foundation
import RingbackCore
import RingbackNormalisation
import Testing

@testable import RingbackMapping

/// The engine's JSON options, on small mappings written here: legs nested in a record (with fields
/// of their own) and exports that report one call once per event.
@Suite struct NestedLegsAndEventsTests {
    static func run(_ yaml: String, _ texts: [String]) throws -> MappingFixtures.Run {
        let spec = try MappingSpecLoader.load(yaml: yaml, file: "inline.yaml")
        let engine = MappingEngine(
            spec: spec,
            context: MappingContext(
                sourceName: "test", phones: try PhoneNormaliser(defaultCountry: "US"), zone: MappingFixtures.chicago,
                ownNumbers: MappingFixtures.ownNumbers))
        var run = MappingFixtures.Run()
        for (index, text) in texts.enumerated() {
            let read = engine.read(bytes: Array(text.utf8), file: "page\(index + 1).json")
            run.legs += read.legs
            run.rejects += read.rejects
            run.records += read.records
        }
        run.calls = CallAssembler(engine: engine).calls(from: run.legs)
        return run
    }

    static let nested = """
        name: nested
        format: json
        json:
          records: calls
          legs: hops
          leg_fields:
            state: outcome.state
            agent: answered_by
        fields:
          id: ref
          start: at
          from: caller
          to: line
          state: state
        time_format: iso8601
        direction:
          infer: true
        outcome:
          answered_when:
            - { leg: child, state: [picked-up], agent: { empty: false } }
            - { leg: only, state: [picked-up] }
        """

    @Test func nestedLegsReadTheirOwnFieldsAndJoinTheRecordsCall() throws {
        let page = """
            {"calls": [
              {"ref": "c1", "at": "2026-11-20T10:00:00-06:00", "caller": "+15125550133", "line": "+15125550100", "state": "picked-up",
               "hops": [{"outcome": {"state": "rang-out"}},
                        {"at": "2026-11-20T10:00:20-06:00", "outcome": {"state": "picked-up"}, "answered_by": "Dana"}]},
              {"ref": "c2", "at": "2026-11-20T11:00:00-06:00", "caller": "+15125550144", "line": "+15125550100", "state": "picked-up",
               "hops": [{"outcome": {"state": "picked-up"}}]},
              {"ref": "c3", "at": "2026-11-20T12:00:00-06:00", "caller": "+15125550155", "line": "+15125550100", "state": "picked-up"},
              {"ref": "c4", "at": "2026-11-20T13:00:00-06:00", "caller": "+15125550166", "line": "+15125550100", "state": "rang-out",
               "hops": [{"at": "noon", "outcome": {"state": "picked-up"}, "answered_by": "Dana"}, "not a leg"]}
            ]}
            """
        let run = try Self.run(Self.nested, [page])
        #expect(run.records == 4)
        #expect(run.calls.map(\.key) == ["nested:c1", "nested:c2", "nested:c3", "nested:c4"])
        // c1: a hop picked up by an agent; c2: the record says picked-up (an auto attendant) but its only
        // hop names no agent; c3: no hops, the record decides; c4: its only hop is unreadable.
        #expect(run.calls.map(\.outcome) == [.answered, .missed, .answered, .missed])
        let hops = run.legs.filter { $0.parent == "c1" }
        #expect(hops.map(\.id) == ["c1/hops[0]", "c1/hops[1]"])
        // A hop without its own time has its record's.
        #expect(hops.map(\.start) == [MappingFixtures.instant(1_795_190_400), MappingFixtures.instant(1_795_190_420)])
        #expect(
            run.rejects.map(\.description) == [
                "page1.json:calls[3].hops[0]: start time `noon` is not an ISO 8601 time like `2026-03-31T09:48:19-07:00`",
                "page1.json:calls[3].hops[1]: expected an object",
            ])
    }

    @Test func fieldsOnlyLegsHaveAreEmptyOnTheRecord() throws {
        let spec = try MappingSpecLoader.load(yaml: Self.nested, file: "inline.yaml")
        #expect(spec.fields["agent"] == nil)
        #expect(spec.layout.legFields["agent"]?.name == "answered_by")
        #expect(spec.layout.legFields["state"]?.name == "outcome.state")
        #expect(spec.layout.nestedLegs == "hops")
    }

    static let events = """
        name: events
        format: json
        json:
          records: ""
          last_event_wins: true
        fields:
          id: call.id
          event_time: sent_at
          start: call.started
          from: call.from
          to: call.to
          answered: call.answered
        time_format: epoch
        direction:
          infer: true
        outcome:
          answered_when:
            - { answered: ["true"] }
        """

    @Test func theLatestEventOfACallWinsAcrossFiles() throws {
        let first = """
            [{"sent_at": 100, "call": {"id": 7, "started": 1795190400, "from": "+15125550133", "to": "+15125550100", "answered": false}},
             {"sent_at": 300, "call": {"id": 8, "started": 1795190500, "from": "+15125550144", "to": "+15125550100", "answered": true}}]
            """
        let second = """
            [{"sent_at": 200, "call": {"id": 7, "started": 1795190400, "from": "+15125550133", "to": "+15125550100", "answered": true}},
             {"sent_at": 250, "call": {"id": 8, "started": 1795190500, "from": "+15125550144", "to": "+15125550100", "answered": false}}]
            """
        let run = try Self.run(Self.events, [first, second])
        #expect(run.legs.count == 4)
        #expect(run.calls.map(\.key).sorted() == ["events:7", "events:8"])
        // Call 7's answer came later; call 8's `answered: false` was sent before its answer.
        #expect(run.calls.map(\.outcome) == [.answered, .answered])
        let reversed = try Self.run(Self.events, [second, first])
        #expect(reversed.calls.count == 2)
        #expect(reversed.calls.map(\.outcome) == [.answered, .answered])
    }

    /// JSON numbers are read as the export wrote them: a long integer id keeps every digit, an epoch
    /// with a fraction is still a start time, and a boolean is the text `true`.
    @Test func longIntegerIDsKeepEveryDigit() throws {
        let page = """
            [{"sent_at": 1, "call": {"id": 12345678901234567, "started": 1795190400.25, "from": "+15125550133", "to": "+15125550100", "answered": true}},
             {"sent_at": 1, "call": {"id": -1234567890123456789012, "started": 1795190500, "from": "+15125550144", "to": "+15125550100", "answered": false}}]
            """
        let run = try Self.run(Self.events, [page])
        #expect(run.rejects.isEmpty)
        #expect(run.calls.map(\.key).sorted() == ["events:-1234567890123456789012", "events:12345678901234567"])
        let first = try #require(run.calls.first { $0.key == "events:12345678901234567" })
        #expect(first.outcome == .answered)
        #expect(abs(first.startedAt.timeIntervalSince1970 - 1_795_190_400.25) < 0.001)
    }

    @Test func withoutEventTimesTheRecordReadLastWins() throws {
        let yaml = Self.events.replacingOccurrences(of: "  event_time: sent_at\n", with: "")
        let page = """
            [{"call": {"id": 7, "started": 1795190400, "from": "+15125550133", "to": "+15125550100", "answered": true}},
             {"call": {"id": 7, "started": 1795190400, "from": "+15125550133", "to": "+15125550100", "answered": false}}]
            """
        let run = try Self.run(yaml, [page])
        #expect(run.calls.map(\.outcome) == [.missed])
    }

    @Test func anUnreadableEventTimeRejectsTheEvent() throws {
        let page = """
            [{"sent_at": "later", "call": {"id": 7, "started": 1795190400, "from": "+15125550133", "to": "+15125550100", "answered": true}}]
            """
        let run = try Self.run(Self.events, [page])
        #expect(run.rejects.map(\.description) == ["page1.json:[0]: event time `later` is not a UNIX time in seconds"])
    }
}
