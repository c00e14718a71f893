/// A mapping's outcome rule with its fields resolved to slots, tested on each record as it is read.
struct OutcomeRule: Sendable {
    let scope: LegCondition.LegScope
    let condition: LegCondition
    let slots: [Int]

    init(_ condition: LegCondition, slots fieldSlots: FieldSlots) {
        scope = condition.scope
        self.condition = condition
        slots = condition.tests.map { fieldSlots.names.firstIndex(of: $0.field)! }
    }

    /// - Parameter value: the record's text in a field slot, trimmed.
    func holds(_ value: (Int) -> String) -> Bool {
        condition.matches { test in value(slots[test]) }
    }
}
