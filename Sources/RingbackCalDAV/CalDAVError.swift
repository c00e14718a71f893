/// Why a CalDAV calendar could not be read or written. Names the target and the account, never the
/// password; `kind` decides the exit code (credentials: 3, the rest: 5).
package struct CalDAVError: Error, CustomStringConvertible, Sendable {
    package enum Kind: Sendable, Equatable {
        /// The username or password is wrong, or the password cannot be read (exit 3).
        case credentials
        /// No answer after the retries: the server is down or unreachable (exit 5).
        case unreachable
        /// The server answered, but not as a CalDAV calendar should (exit 5).
        case server(status: Int?)
    }

    package var kind: Kind
    package var target: String
    package var message: String

    package init(_ kind: Kind, target: String, _ message: String) {
        self.kind = kind
        self.target = target
        self.message = message
    }

    package var description: String { "\(target): \(message)" }
}
