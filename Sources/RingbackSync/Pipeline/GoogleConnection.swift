import RingbackGoogle

/// Builds the REST clients from the `google:` settings.
enum GoogleConnection {
    static func services(_ settings: GoogleSettings, progress: (@Sendable (String) -> Void)?) throws -> GoogleServices {
        throw SyncError.io("google", "the Google REST client is not wired yet")
    }
}
