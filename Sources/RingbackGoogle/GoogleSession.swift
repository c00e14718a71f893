import Foundation
import RingbackHTTP
import RingbackJSON

/// Authorised calls to Google APIs: adds the bearer token, retries 429/5xx and Calendar's 403 rate limits,
/// renews the token once on 401, and turns a final error answer into a `GoogleAPIError` with Google's words
/// and advice. Sheets and Calendar clients share one session per run.
package final class GoogleSession: Sendable {
    package let tokens: any AccessTokenSource
    package let http: HTTPClient

    package init(tokens: any AccessTokenSource, http: HTTPClient) {
        self.tokens = tokens
        self.http = http
    }

    /// The 2xx answer to one request. `operation` names it in errors and must hold no secret.
    package func send(method: String, url: URL, body: [UInt8]?, contentType: String?, operation: String) throws(GoogleAPIError) -> HTTPResponse {
        var response = try attempt(method: method, url: url, body: body, contentType: contentType, operation: operation, forceRefresh: false)
        if response.status == 401 {
            let attempts = response.attempts
            response = try attempt(method: method, url: url, body: body, contentType: contentType, operation: operation, forceRefresh: true)
            response.attempts += attempts
        }
        guard (200..<300).contains(response.status) else {
            throw GoogleAPIError.from(response, operation: operation, account: tokens.accountDescription, context: .request)
        }
        return response
    }

    /// A JSON request and its parsed 2xx answer; an empty answer is `.null`.
    package func json(method: String, url: URL, body: JSONValue?, operation: String) throws(GoogleAPIError) -> JSONValue {
        let response = try send(
            method: method, url: url, body: body?.bytes(),
            contentType: body == nil ? nil : "application/json; charset=UTF-8", operation: operation)
        if response.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return .null }
        do {
            return try JSONValue.parse(response.body)
        } catch {
            throw GoogleAPIError(
                kind: .badResponse, status: response.status,
                message: "the answer is not JSON (\(error.message))", operation: operation)
        }
    }

    private func attempt(
        method: String, url: URL, body: [UInt8]?, contentType: String?, operation: String,
        forceRefresh: Bool
    ) throws(GoogleAPIError) -> HTTPResponse {
        let token = try tokens.accessToken(forceRefresh: forceRefresh)
        var headers = ["Authorization": "Bearer \(token)", "Accept": "application/json"]
        if let contentType { headers["Content-Type"] = contentType }
        let request = HTTPRequest(method: method, url: url, headers: headers, body: body)
        do {
            return try http.send(request) { GoogleRetryRules.isRetryable(status: $0.status, body: $0.body) }
        } catch {
            throw GoogleAPIError(kind: .transport, message: error.summary, operation: operation, attempts: error.attempts)
        }
    }
}
