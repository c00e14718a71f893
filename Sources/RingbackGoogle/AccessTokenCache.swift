import Foundation

/// One access token and when to stop using it, shared by the threads of a run. A fetch happens under the
/// lock, so threads that find the token expired at the same moment make one token request, not several.
final class AccessTokenCache: @unchecked Sendable {
    struct Token: Sendable {
        var value: String
        var expiresIn: Double
    }

    /// Seconds before Google's expiry at which the token is renewed, so a request never carries a dying token.
    static let margin: Double = 60

    private let lock = NSLock()
    private var value: String?
    private var renewAt = Date.distantPast
    private let now: @Sendable () -> Date

    init(now: @escaping @Sendable () -> Date) {
        self.now = now
    }

    func token(forceRefresh: Bool, fetch: () throws(GoogleAPIError) -> Token) throws(GoogleAPIError) -> String {
        lock.lock()
        defer { lock.unlock() }
        if !forceRefresh, let value, now() < renewAt { return value }
        let requestedAt = now()
        let fresh = try fetch()
        value = fresh.value
        renewAt = requestedAt.addingTimeInterval(fresh.expiresIn - Self.margin)
        return fresh.value
    }
}
