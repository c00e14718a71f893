import AsyncHTTPClient
import NIOCore

/// Words async-http-client's and SwiftNIO's failures the way the retry messages have always read, and says
/// which are worth another attempt: dropped, refused and timed-out connections are; a bad URL or TLS is not.
enum TransportErrorKind {
    static func classify(_ error: any Error) -> HTTPTransportError {
        if let client = error as? HTTPClientError {
            switch client {
            case .remoteConnectionClosed, .uncleanShutdown:
                return .init(message: "the connection was dropped", retryable: true)
            case .readTimeout, .writeTimeout, .deadlineExceeded, .connectTimeout, .getConnectionFromPoolTimeout,
                .tlsHandshakeTimeout:
                return .init(message: "timed out", retryable: true)
            case .invalidURL, .emptyHost, .emptyScheme, .cancelled, .alreadyShutdown:
                return .init(message: "the request could not be sent (\(client))", retryable: false)
            default:
                return .init(message: "network error (\(client))", retryable: true)
            }
        }
        if let channel = error as? ChannelError {
            switch channel {
            case .connectTimeout: return .init(message: "timed out", retryable: true)
            case .eof, .ioOnClosedChannel, .outputClosed, .inputClosed, .alreadyClosed:
                return .init(message: "the connection was dropped", retryable: true)
            default: return .init(message: "network error (\(channel))", retryable: true)
            }
        }
        let text = String(describing: error)
        // NIOSSL's errors are matched by type name: RingbackHTTP does not import NIOSSL for this alone.
        if String(reflecting: type(of: error)).contains("NIOSSL") || text.contains("handshake") {
            return .init(message: "the TLS connection failed (\(text))", retryable: false)
        }
        if text.contains("refused") { return .init(message: "the connection was refused", retryable: true) }
        if text.contains("reset by peer") || text.contains("Broken pipe") {
            return .init(message: "the connection was dropped", retryable: true)
        }
        return .init(message: "network error (\(text))", retryable: true)
    }
}
