import Foundation
import RingbackCore

/// Groups the legs of one call (parented legs, shared group ids, or one record per call),
/// decides the call's outcome with the mapping's rules and drops repeats from overlapping exports.
public struct CallAssembler: Sendable {
    public let engine: MappingEngine

    public init(engine: MappingEngine) {
        self.engine = engine
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

        for index in legs.indices {
            let leg = legs[index]
            guard seenLegs.insert(dedupeKey(leg)).inserted else { continue }
            if spec.parentField != nil {
                if !leg.parent.isEmpty {
                    pendingChildren.append(index)
                    continue
                }
                members[group(for: leg.id.isEmpty ? syntheticKey(leg) : leg.id, rooted: true)].append(index)
            } else {
                let key = !leg.group.isEmpty ? leg.group : (leg.id.isEmpty ? syntheticKey(leg) : leg.id)
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
            calls.append(call(key: keys[number], legs: legIndices.map { legs[$0] }, hasRoot: hasRoot[number]))
        }
        return calls
    }

    /// What makes two legs the same record, for dropping repeats from overlapping exports.
    private func dedupeKey(_ leg: CallLeg) -> String {
        if leg.id.isEmpty { return syntheticKey(leg) }
        // Rows grouped into one call may share their id: Asterisk writes the caller's uniqueid on every
        // Dial attempt of a ring group (only `sequence` differs), so there the id alone names no row.
        if engine.spec.parentField == nil && !engine.spec.groupFields.isEmpty {
            return leg.id + "|" + syntheticKey(leg)
        }
        return leg.id
    }

    private func call(key: String, legs: [CallLeg], hasRoot: Bool) -> Call {
        let root = legs[0]
        let inbound = root.direction == .inbound
        return Call(
            key: "\(engine.spec.keyPrefix):\(key)", source: engine.context.sourceName, startedAt: root.start,
            direction: root.direction,
            customer: inbound ? root.from : root.to,
            businessLine: inbound ? root.to : root.from,
            durationSeconds: root.durationSeconds, outcome: outcome(legs, hasRoot: hasRoot),
            callerName: legs.lazy.map(\.callerName).first { !$0.isEmpty },
            transcript: legs.lazy.map(\.transcript).first { !$0.isEmpty },
            recordingURL: legs.lazy.map(\.recording).first { !$0.isEmpty },
            trackingSource: legs.lazy.map(\.trackingSource).first { !$0.isEmpty })
    }

    /// - Parameter hasRoot: false when `legs` are forwarded legs whose caller's leg is missing.
    func outcome(_ legs: [CallLeg], hasRoot: Bool = true) -> CallOutcome {
        if engine.spec.voicemailWhen.contains(where: { matches($0, legs, hasRoot: hasRoot) }) { return .voicemail }
        if engine.spec.answeredWhen.contains(where: { matches($0, legs, hasRoot: hasRoot) }) { return .answered }
        return .missed
    }

    private func matches(_ condition: LegCondition, _ legs: [CallLeg], hasRoot: Bool) -> Bool {
        let scoped: ArraySlice<CallLeg>
        switch condition.scope {
        case .any: scoped = legs[...]
        case .root: scoped = hasRoot ? legs.prefix(1) : []
        case .child: scoped = hasRoot ? legs.dropFirst() : legs[...]
        case .only: scoped = hasRoot && legs.count == 1 ? legs[...] : []
        }
        let fields = engine.outcomeFields
        return scoped.contains { leg in
            condition.matches { name in fields.firstIndex(of: name).map { leg.ruleValues[$0] } ?? "" }
        }
    }

    private func syntheticKey(_ leg: CallLeg) -> String {
        let parts = [String(Int64(leg.start.timeIntervalSince1970)), leg.from.display, leg.to.display, leg.group, String(leg.durationSeconds)] + leg.ruleValues
        return "h" + StableHash.hex(parts.joined(separator: "|"))
    }
}
