/// A calendar component such as VEVENT, or a nested one such as VALARM.
public struct ICalComponent: Sendable, Hashable {
    /// The component name, e.g. `VEVENT`.
    public var name: String
    public var properties: [ICalProperty]
    public var subcomponents: [ICalComponent]

    public init(name: String, properties: [ICalProperty] = [], subcomponents: [ICalComponent] = []) {
        self.name = name
        self.properties = properties
        self.subcomponents = subcomponents
    }
}
