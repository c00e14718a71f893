import Foundation

/// One office correction of Ringback's routing (a caller type or owner the office changed in the sheet),
/// with the reason Ringback had given, so the rule behind it can be found.
public struct RoutingCorrection: Sendable, Hashable {
    public enum Field: String, Sendable, Hashable {
        case callerType = "Caller type"
        case owner = "Owner"
    }

    public var field: Field
    public var from: String
    public var to: String
    public var leadID: String
    /// The Why column's caller-type reason, e.g. `Complex quote: quote wording “remodel”`.
    public var reason: String

    public init(field: Field, from: String, to: String, leadID: String, reason: String) {
        self.field = field
        self.from = from
        self.to = to
        self.leadID = leadID
        self.reason = reason
    }

    /// The words quoted in the reason (“remodel”), or the rule named when none was heard.
    public var keywords: [String] {
        var found: [String] = []
        var rest = Substring(reason)
        while let open = rest.firstIndex(of: "“"), let close = rest[open...].firstIndex(of: "”") {
            found.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        if found.isEmpty, let colon = reason.firstIndex(of: ":") {
            found.append(reason[reason.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return found.filter { !$0.isEmpty }
    }
}

/// Corrections of the same field from the same value to the same value, counted: a rule to change.
public struct RuleToChange: Sendable, Hashable {
    public var field: RoutingCorrection.Field
    public var from: String
    public var to: String
    public var count: Int
    /// The keywords behind the corrected verdicts, most frequent first.
    public var keywords: [String]
    public var leadIDs: [String]

    /// Groups corrections, most frequent first (then by field, from, to).
    public static func ranked(_ corrections: [RoutingCorrection]) -> [RuleToChange] {
        let groups = Dictionary(grouping: corrections) { "\($0.field.rawValue)\u{1}\($0.from)\u{1}\($0.to)" }
        return groups.values.map { group in
            let words = Dictionary(group.flatMap(\.keywords).map { ($0, 1) }, uniquingKeysWith: +)
            return RuleToChange(
                field: group[0].field, from: group[0].from, to: group[0].to, count: group.count,
                keywords: words.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key),
                leadIDs: group.map(\.leadID).sorted())
        }
        .sorted { a, b in
            a.count != b.count ? a.count > b.count : (a.field.rawValue, a.from, a.to) < (b.field.rawValue, b.from, b.to)
        }
    }
}
