/// The fields one mapping reads, numbered once, so a record is an array of texts rather than a
/// dictionary: reading a million records this way costs no hashing per field.
struct FieldSlots: Sendable {
    let names: [String]
    let parts: [MappingSpec.FieldSource.Part]
    /// Per slot, how its text is encoded; `hasDecoding` spares exports without any a loop per record.
    let decodings: [TextDecoding?]
    let hasDecoding: Bool
    let id, start, from, to, customer, business, direction, duration: Int?
    let callerName, transcript, recording, trackingSource, eventTime, parent: Int?
    let group: [[Int]]
    let outcome: [Int]

    init(spec: MappingSpec, outcomeFields: [String]) {
        var names = MappingSpec.roleNames.filter { spec.fields[$0] != nil || spec.layout.legFields[$0] != nil }.sorted()
        for name in outcomeFields + spec.groupFields.flatMap({ $0 }) + [spec.parentField].compactMap({ $0 }) where !names.contains(name) {
            names.append(name)
        }
        self.names = names
        let sources = names.map { spec.fields[$0] ?? spec.layout.legFields[$0]! }
        parts = sources.map(\.part)
        decodings = sources.map(\.decode)
        hasDecoding = decodings.contains { $0 != nil }
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
        eventTime = slot("event_time")
        parent = slot(spec.parentField)
        group = spec.groupFields.map { $0.compactMap(slot) }
        outcome = outcomeFields.compactMap(slot)
    }

    var count: Int { names.count }
}
