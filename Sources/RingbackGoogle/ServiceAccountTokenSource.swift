import Foundation
import RingbackHTTP

/// Access tokens for a service account: a signed JWT assertion traded at the token endpoint, cached until
/// a minute before it expires. The sheet and calendar must be shared with the account's e-mail.
package final class ServiceAccountTokenSource: AccessTokenSource {
    package let key: ServiceAccountKey
    package let scopes: [String]
    package let tokenURL: URL
    private let endpoint: TokenEndpoint
    private let cache: AccessTokenCache
    private let now: @Sendable () -> Date

    /// `tokenURL` overrides the key file's `token_uri` (the emulator's endpoint in tests).
    package init(
        key: ServiceAccountKey, scopes: [String], tokenURL: URL? = nil, http: HTTPClient,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.key = key
        self.scopes = scopes
        self.tokenURL = tokenURL ?? key.tokenURI
        self.now = now
        cache = AccessTokenCache(now: now)
        endpoint = TokenEndpoint(url: self.tokenURL, http: http, operation: "requesting an access token for \(key.clientEmail)")
    }

    package var accountDescription: String { key.clientEmail }

    package func accessToken(forceRefresh: Bool) throws(GoogleAPIError) -> String {
        try cache.token(forceRefresh: forceRefresh) { () throws(GoogleAPIError) -> AccessTokenCache.Token in
            let assertion = try JWT.serviceAccountAssertion(key: key, scopes: scopes, audience: tokenURL, issuedAt: now())
            let email = key.clientEmail
            return try endpoint.fetch(
                form: [("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion)],
                secrets: [assertion]
            ) { reason, message in
                switch reason {
                case "invalid_grant":
                    return (
                        "Google refused the signed key of \(email): \(message)",
                        "The key may have been deleted or the service account disabled (create a new key in the Google Cloud console), or this computer's clock is wrong"
                    )
                case "invalid_scope":
                    return ("Google refused the scopes asked for: \(message)", nil)
                default:
                    return (
                        "Google refused the service account \(email): \(message)",
                        "Check that the service account and its key still exist in the Google Cloud console"
                    )
                }
            }
        }
    }
}
