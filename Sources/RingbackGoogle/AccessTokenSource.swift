/// Where the `Authorization: Bearer` token comes from: a service account key or an OAuth refresh token.
/// Implementations cache the token and are safe to share between threads.
package protocol AccessTokenSource: Sendable {
    /// A token that is still valid; `forceRefresh` fetches a new one even if the cached one looks valid
    /// (after Google answered 401).
    func accessToken(forceRefresh: Bool) throws(GoogleAPIError) -> String
    /// Who Ringback acts as, for advice such as "share the sheet with …": the service account's e-mail,
    /// or "the OAuth client <id>".
    var accountDescription: String { get }
}
