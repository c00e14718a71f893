/// One content line of an iCalendar object: `NAME;PARAM=VALUE:value`.
public struct ICalProperty: Sendable, Hashable {
    /// The property name, e.g. `SUMMARY` or `DTSTART`.
    public var name: String
    public var parameters: [ICalParameter]
    public var value: ICalValue

    public init(name: String, parameters: [ICalParameter] = [], value: ICalValue) {
        self.name = name
        self.parameters = parameters
        self.value = value
    }

    /// A property whose value is TEXT and gets escaped.
    public static func text(_ name: String, _ value: String, parameters: [ICalParameter] = []) -> ICalProperty {
        ICalProperty(name: name, parameters: parameters, value: .text(value))
    }

    /// A property whose value is written exactly as given.
    public static func raw(_ name: String, _ value: String, parameters: [ICalParameter] = []) -> ICalProperty {
        ICalProperty(name: name, parameters: parameters, value: .raw(value))
    }
}
