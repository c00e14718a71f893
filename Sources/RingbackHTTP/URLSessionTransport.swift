import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends one request with the toolchain's URLSession (libcurl on Linux) and waits for the whole
/// response: the sync pipeline is a batch job and reads pages one after another.
public final class URLSessionTransport: HTTPTransport {
    private let session: URLSession

    public init(requestTimeout: Double, attemptTimeout: Double) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.timeoutIntervalForResource = attemptTimeout
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        session = URLSession(configuration: configuration, delegate: RedirectRefusal(), delegateQueue: nil)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    public func send(_ request: HTTPRequest) -> Result<HTTPResponse, HTTPTransportError> {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method
        if let body = request.body { urlRequest.httpBody = Data(body) }
        for (name, value) in request.headers { urlRequest.setValue(value, forHTTPHeaderField: name) }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: urlRequest) { data, response, error in
            if let error {
                outcome.set(.failure(Self.transportError(error)))
            } else if let http = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in http.allHeaderFields {
                    if let key = key as? String, let value = value as? String { headers[key] = value }
                }
                outcome.set(.success(HTTPResponse(status: http.statusCode, headers: headers, body: data.map { [UInt8]($0) } ?? [])))
            } else {
                outcome.set(.failure(HTTPTransportError(message: "the response was not HTTP", retryable: true)))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return outcome.get() ?? .failure(HTTPTransportError(message: "no response", retryable: true))
    }

    private static func transportError(_ error: any Error) -> HTTPTransportError {
        guard let urlError = error as? URLError else {
            return HTTPTransportError(message: "\(type(of: error)) \((error as NSError).code)", retryable: true)
        }
        switch urlError.code {
        case .timedOut: return .init(message: "timed out", retryable: true)
        case .networkConnectionLost: return .init(message: "the connection was dropped", retryable: true)
        case .cannotConnectToHost: return .init(message: "the connection was refused", retryable: true)
        case .cannotFindHost, .dnsLookupFailed: return .init(message: "the host name was not found", retryable: true)
        case .notConnectedToInternet: return .init(message: "no network", retryable: true)
        case .badServerResponse, .zeroByteResource, .cannotParseResponse:
            return .init(message: "the server closed the connection without a valid response", retryable: true)
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .init(message: "the TLS connection failed (URLError \(urlError.code.rawValue))", retryable: false)
        case .badURL, .unsupportedURL, .cancelled:
            return .init(message: "the request could not be sent (URLError \(urlError.code.rawValue))", retryable: false)
        default:
            return .init(message: "network error (URLError \(urlError.code.rawValue))", retryable: true)
        }
    }

    /// The completion handler's result, handed to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Result<HTTPResponse, HTTPTransportError>?

        func set(_ result: Result<HTTPResponse, HTTPTransportError>) {
            lock.withLock { value = result }
        }

        func get() -> Result<HTTPResponse, HTTPTransportError>? {
            lock.withLock { value }
        }
    }
}

/// Refuses every redirect: URLSession would otherwise follow it and send the request's credentials to
/// whatever host it names. The 3xx response is returned as it is, and the caller reports it.
final class RedirectRefusal: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }
}
