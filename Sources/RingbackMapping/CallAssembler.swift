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
        var seenLegs = Set<String>()
        var order: [String] = []
        var groups: [String: [CallLeg]] = [:]
        var children: [String: [CallLeg]] = [:]
        var childParents: [String] = []
        let spec = engine.spec

        // A forwarded leg's own forwarded legs (a <Dial> from a child leg) belong to the same call.
        var parentOf: [String: String] = [:]
        if spec.parentField != nil {
            for leg in legs where !leg.id.isEmpty && !leg.parent.isEmpty && leg.parent != leg.id { parentOf[leg.id] = leg.parent }
        }
        func topmost(_ id: String) -> String {
            var current = id
            var steps = 0
            while let up = parentOf[current], steps < 32 {
                current = up
                steps += 1
            }
            return current
        }

        for leg in legs {
            guard seenLegs.insert(dedupeKey(leg)).inserted else { continue }
            let legKey = leg.id.isEmpty ? syntheticKey(leg) : leg.id
            let groupKey: String
            if spec.parentField != nil {
                if !leg.parent.isEmpty {
                    let parent = topmost(leg.parent)
                    if children[parent] == nil { childParents.append(parent) }
                    children[parent, default: []].append(leg)
                    continue
                }
                groupKey = legKey
            } else if !leg.group.isEmpty {
                groupKey = leg.group
            } else {
                groupKey = legKey
            }
            if groups[groupKey] == nil { order.append(groupKey) }
            groups[groupKey, default: []].append(leg)
        }
        // Forwarded legs join their parent's call. A leg whose parent is not in these files (an export
        // cut between the parent and its child) still makes a call, under the parent's key so that it
        // is the same call when the parent turns up; it has no caller's leg to look at.
        var rootless = Set<String>()
        for parent in childParents {
            let members = children[parent]!
            if groups[parent] != nil {
                groups[parent]!.append(contentsOf: members)
            } else {
                order.append(parent)
                groups[parent] = members.sorted { $0.start < $1.start }
                rootless.insert(parent)
            }
        }

        var calls: [Call] = []
        calls.reserveCapacity(order.count)
        for key in order {
            guard var members = groups[key] else { continue }
            if spec.parentField == nil && members.count > 1 {
                members.sort { $0.start < $1.start }
            }
            calls.append(call(key: key, legs: members, hasRoot: !rootless.contains(key)))
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
