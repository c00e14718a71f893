/// One attempt of a request with no retries: the seam between the retrying client and the network,
/// so the retry rules can be tested without one.
package protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPTransportError>
}

/// No response at all: the connection was refused, dropped or timed out.
package struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    package var message: String
    /// False for problems a second try cannot fix, such as a malformed URL.
    package var retryable: Bool

    package init(message: String, retryable: Bool) {
        self.message = message
        self.retryable = retryable
    }

    package var description: String { message }
}
