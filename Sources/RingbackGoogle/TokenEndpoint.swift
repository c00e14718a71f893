import Foundation
import RingbackCodecs
import RingbackHTTP
import RingbackJSON

/// The OAuth token request both token sources make: a form POST, retried on 429 and 5xx, answered with
/// `{access_token, expires_in}` or `{error, error_description}`. The form carries secrets, so errors are
/// built only from Google's answer, with every secret removed.
struct TokenEndpoint: Sendable {
    var url: URL
    var http: HTTPClient
    /// "an access token for <account>", for errors.
    var operation: String

    /// Reason words meaning the credentials themselves are refused, not the request.
    static let credentialReasons: Set<String> = [
        "invalid_grant", "invalid_client", "unauthorized_client", "invalid_scope",
        "access_denied", "unsupported_grant_type",
    ]

    func fetch(
        form: [(String, String)], secrets: [String],
        advice: (_ reason: String?, _ message: String) -> (message: String, hint: String?)
    ) throws(GoogleAPIError) -> AccessTokenCache.Token {
        let request = HTTPRequest(
            method: "POST", url: url,
            headers: ["Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"],
            body: Array(PercentEncoding.form(form).utf8))
        let response: HTTPResponse
        do {
            response = try http.send(request) { GoogleRetryRules.retryableStatuses.contains($0.status) }
        } catch {
            throw GoogleAPIError(kind: .transport, message: error.summary, operation: operation, attempts: error.attempts)
        }
        guard (200..<300).contains(response.status) else {
            let body = GoogleErrorBody(bytes: response.body)
            let googleMessage = SecretRedaction.redact(body.message ?? "HTTP \(response.status) from the token endpoint", secrets)
            let reason = body.reason.map { SecretRedaction.redact($0, secrets) }
            let credentials = (400...401).contains(response.status) && (reason.map(Self.credentialReasons.contains) ?? true)
            var message = googleMessage
            var hint: String?
            if credentials { (message, hint) = advice(reason, googleMessage) }
            throw GoogleAPIError(
                kind: credentials ? .credentials : .http, status: response.status, statusText: body.statusText,
                reason: reason, message: message, operation: operation, hint: hint, attempts: response.attempts)
        }
        guard let document = try? JSONValue.parse(response.body),
            let token = document["access_token"]?.string, !token.isEmpty
        else {
            throw GoogleAPIError(
                kind: .badResponse, status: response.status,
                message: "the token endpoint's answer has no access_token", operation: operation)
        }
        let expiresIn = document["expires_in"]?.number ?? Double(document["expires_in"]?.string ?? "") ?? 3600
        return AccessTokenCache.Token(value: token, expiresIn: expiresIn)
    }
}
