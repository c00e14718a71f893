import Foundation

/// How Ringback reaches Google: which credentials, and (for the local emulator) which host.
package struct GoogleSettings: Sendable {
    package enum Credentials: Sendable, Hashable {
        /// A service-account key file (`type: service_account`).
        case serviceAccount(path: String)
        /// An installed-app refresh token from a file (`type: authorized_user`, as `gcloud auth application-default login` writes).
        case authorizedUserFile(path: String)
        /// An installed-app refresh token from environment variables (values, never written to the config).
        case refreshToken(clientID: String, clientSecret: String, refreshToken: String)
    }

    package var credentials: Credentials
    /// nil: Google itself. Set to the emulator's base URL to run against it.
    package var endpoint: URL?
    package var timeoutSeconds: Double
    package var maxAttempts: Int

    package init(credentials: Credentials, endpoint: URL? = nil, timeoutSeconds: Double = 60, maxAttempts: Int = 5) {
        self.credentials = credentials
        self.endpoint = endpoint
        self.timeoutSeconds = timeoutSeconds
        self.maxAttempts = maxAttempts
    }
}
