import Foundation

/// One request to an API. Headers and body may carry credentials, so only `displayURL` ever reaches a message.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    public var method: String
    public var url: URL
    public var headers: [String: String]
    public var body: [UInt8]?
    /// The URL as errors and logs show it, with every secret replaced by the name of its variable.
    public var displayURL: String

    public init(url: URL, headers: [String: String] = [:], displayURL: String? = nil) {
        self.init(method: "GET", url: url, headers: headers, body: nil, displayURL: displayURL)
    }

    public init(method: String, url: URL, headers: [String: String] = [:], body: [UInt8]?, displayURL: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.displayURL = displayURL ?? url.absoluteString
    }

    public var description: String { "\(method) \(displayURL)" }
}
