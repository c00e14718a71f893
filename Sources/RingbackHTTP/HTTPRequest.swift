import Foundation

/// One request to an API. Headers and body may carry credentials, so only `displayURL` ever reaches a message.
package struct HTTPRequest: Sendable, CustomStringConvertible {
    package var method: String
    package var url: URL
    package var headers: [String: String]
    package var body: [UInt8]?
    /// The URL as errors and logs show it, with every secret replaced by the name of its variable.
    package var displayURL: String

    package init(url: URL, headers: [String: String] = [:], displayURL: String? = nil) {
        self.init(method: "GET", url: url, headers: headers, body: nil, displayURL: displayURL)
    }

    package init(method: String, url: URL, headers: [String: String] = [:], body: [UInt8]?, displayURL: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.displayURL = displayURL ?? url.absoluteString
    }

    package var description: String { "\(method) \(displayURL)" }
}
