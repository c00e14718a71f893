import Foundation

/// One GET to a paged API. Headers may carry credentials, so only `displayURL` ever reaches a message.
public struct HTTPRequest: Sendable, CustomStringConvertible {
    public var url: URL
    public var headers: [String: String]
    /// The URL as errors and logs show it, with every secret replaced by the name of its variable.
    public var displayURL: String

    public init(url: URL, headers: [String: String] = [:], displayURL: String? = nil) {
        self.url = url
        self.headers = headers
        self.displayURL = displayURL ?? url.absoluteString
    }

    public var description: String { "GET \(displayURL)" }
}
