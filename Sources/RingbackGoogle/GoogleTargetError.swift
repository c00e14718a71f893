/// Why a Google target could not be read or written: which target, what went wrong, and Google's own error when it answered.
package struct GoogleTargetError: Error, Sendable, CustomStringConvertible {
    /// `google sheet 1AbC…/Missed Calls` or `google calendar`.
    package var target: String
    package var message: String
    package var api: GoogleAPIError?
    /// Calendar events Google refused while the rest of the batch was written; empty when it is not known
    /// what was written (a whole request failed).
    package var failedEvents: Set<String> = []

    package init(target: String, message: String, api: GoogleAPIError? = nil) {
        self.target = target
        self.message = message
        self.api = api
    }

    package init(target: String, _ api: GoogleAPIError) {
        self.init(target: target, message: api.description, api: api)
    }

    package var description: String { "\(target): \(message)" }
}
