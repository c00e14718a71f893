/// The fields one mapping reads, numbered once, so a record is an array of texts rather than a
/// dictionary: reading a million records this way costs no hashing per field.
struct FieldSlots: Sendable {
    let names: [String]
    let parts: [MappingSpec.FieldSource.Part]
    let id, start, from, to, customer, business, direction, duration: Int?
    let callerName, transcript, recording, trackingSource, parent: Int?
    let group: [[Int]]
    let outcome: [Int]

    init(spec: MappingSpec, outcomeFields: [String]) {
        var names = MappingSpec.roleNames.filter { spec.fields[$0] != nil }.sorted()
        for name in outcomeFields + spec.groupFields.flatMap { $0 } + [spec.parentField].compactMap({ $0 }) where !names.contains(name) {
            names.append(name)
        }
        self.names = names
        parts = names.map { spec.fields[$0]!.part }
        func slot(_ name: String?) -> Int? { name.flatMap { names.firstIndex(of: $0) } }
        id = slot("id")
        start = slot("start")
        from = slot("from")
        to = slot("to")
        customer = slot("customer")
        business = slot("business")
        direction = slot("direction")
        duration = slot("duration")
        callerName = slot("caller_name")
        transcript = slot("transcript")
        recording = slot("recording")
        trackingSource = slot("tracking_source")
        parent = slot(spec.parentField)
        group = spec.groupFields.map { $0.compactMap(slot) }
        outcome = outcomeFields.compactMap(slot)
    }

    var count: Int { names.count }
}
