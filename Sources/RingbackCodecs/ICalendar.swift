/// An iCalendar (RFC 5545) object: what `ICalendarWriter` turns into an `.ics` file
/// the office's calendar app subscribes to.
public struct ICalendar: Sendable, Hashable {
    /// The product identifier, e.g. `-//Ringback//Missed Calls//EN`.
    public var prodID: String
    /// Calendar-level properties besides VERSION, PRODID and CALSCALE, such as METHOD
    /// or X-WR-CALNAME.
    public var properties: [ICalProperty]
    public var components: [ICalComponent]

    public init(prodID: String, properties: [ICalProperty] = [], components: [ICalComponent] = []) {
        self.prodID = prodID
        self.properties = properties
        self.components = components
    }
}
