import Foundation
import RingbackHTTP

/// Access tokens from an OAuth client's refresh token (an installed app authorised once by a person),
/// cached until a minute before they expire.
package final class RefreshTokenSource: AccessTokenSource {
    package let clientID: String
    private let clientSecret: String
    private let refreshToken: String
    private let endpoint: TokenEndpoint
    private let cache: AccessTokenCache

    package init(
        clientID: String, clientSecret: String, refreshToken: String, tokenURL: URL = GoogleEndpoints.googleToken,
        http: HTTPClient, now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.refreshToken = refreshToken
        cache = AccessTokenCache(now: now)
        endpoint = TokenEndpoint(url: tokenURL, http: http, operation: "refreshing the access token of the OAuth client \(clientID)")
    }

    package var accountDescription: String { "the OAuth client \(clientID)" }

    package func accessToken(forceRefresh: Bool) throws(GoogleAPIError) -> String {
        try cache.token(forceRefresh: forceRefresh) { () throws(GoogleAPIError) -> AccessTokenCache.Token in
            try endpoint.fetch(
                form: [
                    ("grant_type", "refresh_token"), ("refresh_token", refreshToken),
                    ("client_id", clientID), ("client_secret", clientSecret),
                ],
                secrets: [refreshToken, clientSecret]
            ) { reason, message in
                switch reason {
                case "invalid_grant":
                    return (
                        "the refresh token was revoked or has expired (Google: \(message)). Get a new one by authorising "
                            + "Ringback again with this OAuth client and put it in the config. Refresh tokens of an OAuth consent "
                            + "screen in \"Testing\" status expire after 7 days: for nightly runs use a service account, or "
                            + "publish the app", nil
                    )
                default:
                    return (
                        "Google refused the OAuth client \(clientID): \(message)",
                        "Check the client id and client secret in the config against the Google Cloud console"
                    )
                }
            }
        }
    }
}
