import Foundation
import RingbackCore

/// One job read from a field-service tool: its id there, when it last changed, and the job as the
/// booking rule reads it. Kept in the source's jobs file between runs.
package struct BookedJob: Sendable, Hashable, Codable {
    package var id: String
    package var updatedAt: Date?
    package var start: Date
    package var end: Date
    package var title: String
    package var details: String
    package var reference: String

    package func event(crew: String) -> CrewJobEvent {
        CrewJobEvent(crew: crew, start: start, end: end, title: title, details: details, reference: reference)
    }
}
