import Foundation
import RingbackGoogle
import RingbackHTTP
import RingbackJSON

/// Builds the REST clients from the `google:` settings: one token source and one HTTP client for both APIs.
enum GoogleConnection {
    static func services(_ settings: GoogleSettings, progress: (@Sendable (String) -> Void)?) throws -> GoogleServices {
        let endpoints = settings.endpoint.map(GoogleEndpoints.emulator) ?? .google
        let policy = RetryPolicy(
            maxAttempts: settings.maxAttempts, requestTimeout: settings.timeoutSeconds,
            attemptTimeout: settings.timeoutSeconds * 2)
        let http = HTTPClient(policy: policy, onRetry: progress)
        let tokens: any AccessTokenSource
        let scopes = [GoogleScopes.sheets, GoogleScopes.calendar]
        do {
            switch settings.credentials {
            case .serviceAccount(let path):
                let key = try ServiceAccountKey.load(path: path)
                tokens = ServiceAccountTokenSource(key: key, scopes: scopes, tokenURL: endpoints.token, http: http)
            case .authorizedUserFile(let path):
                let user = try authorizedUser(path: path)
                tokens = RefreshTokenSource(
                    clientID: user.clientID, clientSecret: user.secret, refreshToken: user.token,
                    tokenURL: endpoints.token ?? GoogleEndpoints.googleToken, http: http)
            case .refreshToken(let clientID, let secret, let token):
                tokens = RefreshTokenSource(
                    clientID: clientID, clientSecret: secret, refreshToken: token,
                    tokenURL: endpoints.token ?? GoogleEndpoints.googleToken, http: http)
            }
        } catch {
            throw GoogleTargetError(target: "google credentials", error)
        }
        let session = GoogleSession(tokens: tokens, http: http)
        return GoogleServices(
            sheets: SheetsRESTClient(session: session, root: endpoints.sheets),
            calendar: CalendarRESTClient(session: session, root: endpoints.calendar))
    }

    /// gcloud's application-default file: `client_id`, `client_secret`, `refresh_token` (checked when the config loaded).
    private static func authorizedUser(path: String) throws(GoogleAPIError) -> (clientID: String, secret: String, token: String) {
        guard let data = FileManager.default.contents(atPath: path), let json = try? JSONValue.parse([UInt8](data)),
            let id = json["client_id"]?.string, let secret = json["client_secret"]?.string, let token = json["refresh_token"]?.string
        else {
            throw GoogleAPIError(
                kind: .credentials, message: "\(path): expected client_id, client_secret and refresh_token", operation: "google credentials")
        }
        return (id, secret, token)
    }
}
