/// One attempt of a request with no retries: the seam between the retrying client and the network,
/// so the retry rules can be tested without one.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPTransportError>
}

/// No response at all: the connection was refused, dropped or timed out.
public struct HTTPTransportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// False for problems a second try cannot fix, such as a malformed URL.
    public var retryable: Bool

    public init(message: String, retryable: Bool) {
        self.message = message
        self.retryable = retryable
    }

    public var description: String { message }
}
