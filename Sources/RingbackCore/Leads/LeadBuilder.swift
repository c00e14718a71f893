import Foundation

/// Turns the call ledger into leads: groups a caller's missed calls inside the follow-up window
/// and attaches later contact. Deterministic, so a re-run or a repaired crash yields the same Lead IDs.
public struct LeadBuilder: Sendable {
    public let rules: BusinessRules
    public let work: any ChunkedWork

    public init(rules: BusinessRules, work: any ChunkedWork = SerialWork()) {
        self.rules = rules
        self.work = work
    }

    /// - Parameters:
    ///   - calls: every known call, any order, already de-duplicated by key.
    ///   - anchors: call key → Lead ID issued by earlier runs.
    ///   - holds: leads whose status the office set: closed ones take no new missed call, reopened ones
    ///     take later calls however long after.
    public func leads(from calls: [Call], anchors: [String: String], holds: [String: OfficeHold] = [:]) -> [Lead] {
        // Each caller's calls as a linked list through `next`: no array per caller.
        var callerOfNumber: [String: Int] = [:]
        callerOfNumber.reserveCapacity(calls.count / 2)
        var head: [Int] = []
        var tail: [Int] = []
        var next = [Int](repeating: -1, count: calls.count)
        var solitary: [Int] = []
        for index in calls.indices where !isInternal(calls[index]) {
            switch calls[index].customer {
            case .number(let e164):
                let caller: Int
                if let known = callerOfNumber[e164] {
                    caller = known
                    next[tail[caller]] = index
                } else {
                    caller = head.count
                    callerOfNumber[e164] = caller
                    head.append(index)
                    tail.append(index)
                    continue
                }
                tail[caller] = index
            case .anonymous, .unusable:
                if calls[index].direction == .inbound && calls[index].outcome.isUnanswered {
                    solitary.append(index)
                }
            case .internalExtension:
                continue
            }
        }

        let partitions = calls.count < 20_000 ? 1 : work.width
        let heads = head
        let links = next
        let parts = work.map(count: partitions) { part in
            var leads: [Lead] = []
            var ordered: [Int] = []
            for caller in stride(from: part, to: heads.count, by: partitions) {
                ordered.removeAll(keepingCapacity: true)
                var index = heads[caller]
                while index >= 0 {
                    ordered.append(index)
                    index = links[index]
                }
                if ordered.count > 1 { ordered.sort { LeadBuilder.isOrdered(calls[$0], before: calls[$1]) } }
                episodes(of: ordered, in: calls, anchors: anchors, holds: holds, into: &leads)
            }
            return leads
        }
        var leads: [Lead] = []
        leads.reserveCapacity(parts.reduce(solitary.count) { $0 + $1.count })
        for part in parts { leads.append(contentsOf: part) }
        for index in solitary {
            let call = calls[index]
            leads.append(Lead(id: leadID(for: [call], anchors: anchors), customer: call.customer, missedCalls: [call]))
        }
        leads.sort { $0.firstMissedAt != $1.firstMissedAt ? $0.firstMissedAt < $1.firstMissedAt : $0.id < $1.id }
        return leads
    }

    /// Walks one caller's calls in time order, closing a lead when the window passes without activity
    /// (a lead still waiting for its callbacks takes them however late),
    /// when a missed call belongs to another lead by its anchor, or when the office closed the lead
    /// before a new missed call came in (that call opens a lead of its own, which says so).
    private func episodes(
        of ordered: [Int], in calls: [Call], anchors: [String: String], holds: [String: OfficeHold], into leads: inout [Lead]
    ) {
        var missed: [Call] = []
        var contacts: [Call] = []
        var lastActivity = Date.distantPast
        var anchored: String?
        var follows: String?

        func close() {
            guard !missed.isEmpty else { return }
            var lead = Lead(id: leadID(for: missed, anchors: anchors), customer: missed[0].customer, missedCalls: missed, laterContacts: contacts)
            lead.follows = follows
            leads.append(lead)
            missed = []
            contacts = []
            anchored = nil
            follows = nil
        }

        let window = rules.followUpWindow
        for index in ordered {
            let startedAt = calls[index].startedAt
            let hold = anchored.flatMap { holds[$0] }
            let withinWindow = startedAt.timeIntervalSince(lastActivity) <= window || hold == .reopened
            if calls[index].direction == .inbound && calls[index].outcome.isUnanswered {
                let anchor = anchors[calls[index].key]
                let ofAnotherLead = anchored != nil && anchor != nil && anchor != anchored
                let afterOfficeClosed = hold?.refuses(missedCallAfter: missed.count) ?? false
                if missed.isEmpty || !withinWindow || ofAnotherLead || afterOfficeClosed {
                    let closedByOffice = hold?.isClosed == true && !missed.isEmpty ? anchored : nil
                    close()
                    follows = closedByOffice
                }
                if anchored == nil { anchored = anchor }
                missed.append(calls[index])
                lastActivity = startedAt
            } else if !missed.isEmpty && (withinWindow || awaitsCallback(contacts)) {
                contacts.append(calls[index])
                lastActivity = startedAt
            }
        }
        close()
    }

    /// A lead nobody has reached and that is short of its callback attempts cannot have closed: the
    /// callback that finally comes, however late, is its own.
    private func awaitsCallback(_ contacts: [Call]) -> Bool {
        var attempts = 0
        for index in contacts.indices {
            if contacts[index].outcome == .answered { return false }
            if contacts[index].direction == .outbound { attempts += 1 }
        }
        return attempts < rules.followUpPolicy.attemptsBeforeClose
    }

    private func leadID(for missed: [Call], anchors: [String: String]) -> String {
        for call in missed {
            if let id = anchors[call.key] { return id }
        }
        return LeadBuilder.leadID(firstCallKey: missed[0].key)
    }

    /// A Lead ID derived from the first missed call's key: short, readable, stable.
    public static func leadID(firstCallKey: String) -> String {
        "RB-" + StableHash.base32(firstCallKey, length: 8)
    }

    private func isInternal(_ call: Call) -> Bool {
        switch call.customer {
        case .number(let e164): return rules.ownNumbers.contains(e164)
        case .internalExtension: return true
        case .anonymous, .unusable: return false
        }
    }

    private static func isOrdered(_ a: borrowing Call, before b: borrowing Call) -> Bool {
        a.startedAt != b.startedAt ? a.startedAt < b.startedAt : a.key < b.key
    }
}
