import Foundation
import RingbackCore

/// Groups the legs of one call (parented legs, shared group ids, or one record per call),
/// decides the call's outcome with the mapping's rules and drops repeats from overlapping exports.
public struct CallAssembler: Sendable {
    public let engine: MappingEngine
    private let voicemailRules: [CompiledRule]
    private let answeredRules: [CompiledRule]

    public init(engine: MappingEngine) {
        self.engine = engine
        voicemailRules = engine.spec.voicemailWhen.map { CompiledRule($0, fields: engine.outcomeFields) }
        answeredRules = engine.spec.answeredWhen.map { CompiledRule($0, fields: engine.outcomeFields) }
    }

    public func calls(from legs: [CallLeg]) -> [Call] {
        let spec = engine.spec
        var seenLegs = Set<String>(minimumCapacity: legs.count)
        var groupOfKey: [String: Int] = [:]
        groupOfKey.reserveCapacity(legs.count)
        var keys: [String] = []
        var members: [[Int]] = []
        var hasRoot: [Bool] = []
        var pendingChildren: [Int] = []

        func group(for key: String, rooted: Bool) -> Int {
            if let existing = groupOfKey[key] { return existing }
            groupOfKey[key] = keys.count
            keys.append(key)
            members.append([])
            hasRoot.append(rooted)
            return keys.count - 1
        }

        let parented = spec.parentField != nil
        for index in legs.indices {
            guard seenLegs.insert(dedupeKey(legs[index])).inserted else { continue }
            if parented {
                if !legs[index].parent.isEmpty {
                    pendingChildren.append(index)
                    continue
                }
                let id = legs[index].id
                members[group(for: id.isEmpty ? syntheticKey(legs[index]) : id, rooted: true)].append(index)
            } else {
                let groupKey = legs[index].group
                let key = !groupKey.isEmpty ? groupKey : (legs[index].id.isEmpty ? syntheticKey(legs[index]) : legs[index].id)
                members[group(for: key, rooted: true)].append(index)
            }
        }

        // Forwarded legs join their parent's call; a leg forwarded from a forwarded leg joins the top
        // parent's. A leg whose parent is not in these files (an export cut between the parent and its
        // child) still makes a call, under the parent's key so that it is the same call when the parent
        // turns up; it has no caller's leg to look at.
        var parentOf: [String: String]?
        for index in pendingChildren {
            var parent = legs[index].parent
            if groupOfKey[parent] == nil || !hasRoot[groupOfKey[parent]!] {
                if parentOf == nil {
                    var map: [String: String] = [:]
                    for child in pendingChildren where !legs[child].id.isEmpty && legs[child].parent != legs[child].id {
                        map[legs[child].id] = legs[child].parent
                    }
                    parentOf = map
                }
                var steps = 0
                while let up = parentOf![parent], steps < 32 {
                    parent = up
                    steps += 1
                }
            }
            members[group(for: parent, rooted: false)].append(index)
        }

        var calls: [Call] = []
        calls.reserveCapacity(keys.count)
        for number in keys.indices {
            var legIndices = members[number]
            if (spec.parentField == nil || !hasRoot[number]) && legIndices.count > 1 {
                legIndices.sort { legs[$0].start < legs[$1].start || (legs[$0].start == legs[$1].start && $0 < $1) }
            }
            calls.append(call(key: keys[number], legs: legs, members: legIndices, hasRoot: hasRoot[number]))
        }
        return calls
    }

    /// What makes two legs the same record, for dropping repeats from overlapping exports.
    private func dedupeKey(_ leg: borrowing CallLeg) -> String {
        if leg.id.isEmpty { return syntheticKey(leg) }
        // Rows grouped into one call may share their id: Asterisk writes the caller's uniqueid on every
        // Dial attempt of a ring group (only `sequence` differs), so there the id alone names no row.
        if engine.spec.parentField == nil && !engine.spec.groupFields.isEmpty {
            return leg.id + "|" + syntheticKey(leg)
        }
        return leg.id
    }

    /// - Parameter members: indices into `legs` of this call's legs, the caller's leg first.
    private func call(key: String, legs: [CallLeg], members: [Int], hasRoot: Bool) -> Call {
        let root = legs[members[0]]
        let inbound = root.direction == .inbound
        var callerName: String?, transcript: String?, recording: String?, trackingSource: String?
        for index in members {
            if callerName == nil, !legs[index].callerName.isEmpty { callerName = legs[index].callerName }
            if transcript == nil, !legs[index].transcript.isEmpty { transcript = legs[index].transcript }
            if recording == nil, !legs[index].recording.isEmpty { recording = legs[index].recording }
            if trackingSource == nil, !legs[index].trackingSource.isEmpty { trackingSource = legs[index].trackingSource }
        }
        var fullKey = engine.spec.keyPrefix
        fullKey.reserveCapacity(fullKey.utf8.count + key.utf8.count + 1)
        fullKey += ":"
        fullKey += key
        return Call(
            key: fullKey, source: engine.context.sourceName, startedAt: root.start,
            direction: root.direction,
            customer: inbound ? root.from : root.to,
            businessLine: inbound ? root.to : root.from,
            durationSeconds: root.durationSeconds, outcome: outcome(legs, members: members, hasRoot: hasRoot),
            callerName: callerName, transcript: transcript, recordingURL: recording, trackingSource: trackingSource)
    }

    /// - Parameter hasRoot: false when `legs` are forwarded legs whose caller's leg is missing.
    func outcome(_ legs: [CallLeg], hasRoot: Bool = true) -> CallOutcome {
        outcome(legs, members: Array(legs.indices), hasRoot: hasRoot)
    }

    private func outcome(_ legs: [CallLeg], members: [Int], hasRoot: Bool) -> CallOutcome {
        if voicemailRules.contains(where: { matches($0, legs, members, hasRoot: hasRoot) }) { return .voicemail }
        if answeredRules.contains(where: { matches($0, legs, members, hasRoot: hasRoot) }) { return .answered }
        return .missed
    }

    private func matches(_ rule: CompiledRule, _ legs: [CallLeg], _ members: [Int], hasRoot: Bool) -> Bool {
        let scoped: ArraySlice<Int>
        switch rule.condition.scope {
        case .any: scoped = members[...]
        case .root: scoped = hasRoot ? members.prefix(1) : []
        case .child: scoped = hasRoot ? members.dropFirst() : members[...]
        case .only: scoped = hasRoot && members.count == 1 ? members[...] : []
        }
        return scoped.contains { index in
            rule.condition.matches { test in rule.positions[test].map { legs[index].ruleValues[$0] } ?? "" }
        }
    }

    /// An outcome rule with its fields' positions in `CallLeg.ruleValues` looked up once.
    struct CompiledRule: Sendable {
        let condition: LegCondition
        let positions: [Int?]

        init(_ condition: LegCondition, fields: [String]) {
            self.condition = condition
            positions = condition.tests.map { test in fields.firstIndex(of: test.field) }
        }
    }

    private func syntheticKey(_ leg: borrowing CallLeg) -> String {
        let parts = [String(Int64(leg.start.timeIntervalSince1970)), leg.from.display, leg.to.display, leg.group, String(leg.durationSeconds)] + leg.ruleValues
        return "h" + StableHash.hex(parts.joined(separator: "|"))
    }
}
