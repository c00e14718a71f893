import RingbackCore

/// How many records of a read gave the outside party (the caller of an inbound call, the one called
/// on an outbound call) as a number that can be called back. A mapping whose caller path is wrong
/// reads every call as Anonymous without one reject; this is what says so, in `inspect` and the run log.
public struct CallerNumberCoverage: Sendable, Equatable {
    public var records = 0
    public var withNumber = 0

    public init(legs: [CallLeg]) {
        for leg in legs where leg.parent.isEmpty {
            records += 1
            if (leg.direction == .inbound ? leg.from : leg.to).e164 != nil { withNumber += 1 }
        }
    }

    /// Fewer than this share of records with a number is a mapping to check, not a run of hidden callers.
    public static let warningShare = 0.5

    /// The warning for this read, naming the fields the caller comes from; nil when most records have a number
    /// or there are too few to tell.
    public func warning(spec: MappingSpec) -> String? {
        guard records >= 3, Double(withNumber) < Double(records) * Self.warningShare else { return nil }
        let role = spec.fields["customer"] != nil ? "customer" : "from"
        let paths = spec.fields[role]?.names.map { "`\($0)`" }.joined(separator: ", ") ?? "?"
        return "mapping \(spec.name): only \(withNumber) of \(records) calls have a caller's number that can be called back; "
            + "the rest read as Anonymous or unusable. Check `\(role)` (\(paths)) against the export (docs/mappings.md, Paths)"
    }
}
