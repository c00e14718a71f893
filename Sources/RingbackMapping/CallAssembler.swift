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
        var orphans: [String: [CallLeg]] = [:]
        let spec = engine.spec

        for leg in legs {
            let legKey = leg.id.isEmpty ? syntheticKey(leg) : leg.id
            guard seenLegs.insert(legKey).inserted else { continue }
            let groupKey: String
            if spec.parentField != nil {
                if !leg.parent.isEmpty {
                    orphans[leg.parent, default: []].append(leg)
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
        if spec.parentField != nil {
            for (parent, children) in orphans where groups[parent] != nil {
                groups[parent]!.append(contentsOf: children)
            }
        }

        var calls: [Call] = []
        calls.reserveCapacity(order.count)
        for key in order {
            guard var members = groups[key] else { continue }
            if spec.parentField == nil && members.count > 1 {
                members.sort { $0.start < $1.start }
            }
            calls.append(call(key: key, legs: members))
        }
        return calls
    }

    private func call(key: String, legs: [CallLeg]) -> Call {
        let root = legs[0]
        let inbound = root.direction == .inbound
        return Call(
            key: "\(engine.spec.keyPrefix):\(key)", source: engine.context.sourceName, startedAt: root.start,
            direction: root.direction,
            customer: inbound ? root.from : root.to,
            businessLine: inbound ? root.to : root.from,
            durationSeconds: root.durationSeconds, outcome: outcome(legs),
            callerName: legs.lazy.map(\.callerName).first { !$0.isEmpty },
            transcript: legs.lazy.map(\.transcript).first { !$0.isEmpty },
            recordingURL: legs.lazy.map(\.recording).first { !$0.isEmpty },
            trackingSource: legs.lazy.map(\.trackingSource).first { !$0.isEmpty })
    }

    func outcome(_ legs: [CallLeg]) -> CallOutcome {
        if engine.spec.voicemailWhen.contains(where: { matches($0, legs) }) { return .voicemail }
        if engine.spec.answeredWhen.contains(where: { matches($0, legs) }) { return .answered }
        return .missed
    }

    private func matches(_ condition: LegCondition, _ legs: [CallLeg]) -> Bool {
        let scoped: ArraySlice<CallLeg>
        switch condition.scope {
        case .any: scoped = legs[...]
        case .root: scoped = legs.prefix(1)
        case .child: scoped = legs.dropFirst()
        case .only: scoped = legs.count == 1 ? legs[...] : []
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
