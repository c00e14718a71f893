import Foundation

/// An event found on a crew calendar, or a job read from the field-service tool the office books in
/// (Jobber, Housecall Pro), with its text, so a lead the office booked there is seen as booked.
public struct CrewJobEvent: Sendable, Hashable {
    /// The crew whose calendar holds it.
    public var crew: String
    public var start: Date
    public var end: Date
    public var title: String
    public var details: String
    public var location: String
    /// Where the job is kept, for the lead's Why (e.g. `Jobber job #1042`); empty for a calendar event.
    public var reference: String

    public init(
        crew: String, start: Date, end: Date, title: String, details: String = "", location: String = "", reference: String = ""
    ) {
        self.crew = crew
        self.start = start
        self.end = end
        self.title = title
        self.details = details
        self.location = location
        self.reference = reference
    }

    /// Everything a person may have typed into the event.
    public var text: String { [title, details, location].joined(separator: "\n") }
}
