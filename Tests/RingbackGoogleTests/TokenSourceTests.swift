import Foundation
import RingbackHTTP
import RingbackJSON
import Synchronization
import Testing

@testable import RingbackGoogle

/// Token requests, caching until a minute before expiry, forced refresh, and errors without secrets.
@Suite struct TokenSourceTests {
    static let tokenURL = URL(string: "http://google.test/token")!

    final class Clock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 1_790_000_000))
        func advance(_ seconds: Double) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
        var read: @Sendable () -> Date { { self.now.withLock { $0 } } }
    }

    static func form(_ request: HTTPRequest) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in request.bodyText.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? "" }
            fields[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        return fields
    }

    @Test func aServiceAccountPostsASignedAssertionAndCachesTheToken() throws {
        let fake = FakeGoogleTransport()
        let clock = Clock()
        let source = ServiceAccountTokenSource(
            key: TestKey.serviceAccount, scopes: [GoogleScopes.sheets], tokenURL: Self.tokenURL,
            http: fake.http(), now: clock.read)
        #expect(try source.accessToken(forceRefresh: false) == "ya29.access-1")
        clock.advance(3600 - 61)
        #expect(try source.accessToken(forceRefresh: false) == "ya29.access-1")
        clock.advance(2)
        #expect(try source.accessToken(forceRefresh: false) == "ya29.access-2")
        #expect(try source.accessToken(forceRefresh: true) == "ya29.access-3")
        #expect(source.accountDescription == TestKey.email)

        let request = try #require(fake.tokenRequests.first)
        #expect(request.method == "POST" && request.url == Self.tokenURL)
        #expect(request.headers["Content-Type"] == "application/x-www-form-urlencoded")
        let form = Self.form(request)
        #expect(form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer")
        let assertion = try #require(form["assertion"])
        let claims = try JSONValue.parse(#require(JWT.base64URLDecode(String(assertion.split(separator: ".")[1]))))
        #expect(claims["aud"] == "http://google.test/token")
        #expect(claims["iat"] == 1_790_000_000)
    }

    @Test func threadsThatNeedATokenAtOnceShareOneRequest() throws {
        let fake = FakeGoogleTransport()
        let source = ServiceAccountTokenSource(key: TestKey.serviceAccount, scopes: [], tokenURL: Self.tokenURL, http: fake.http())
        let seen = Mutex<Set<String>>([])
        DispatchQueue.concurrentPerform(iterations: 16) { _ in
            let token = (try? source.accessToken(forceRefresh: false)) ?? "failed"
            seen.withLock { _ = $0.insert(token) }
        }
        #expect(seen.withLock { $0 } == ["ya29.access-1"])
        #expect(fake.tokenRequests.count == 1)
    }

    @Test func theTokenURLDefaultsToTheKeyFiles() {
        let source = ServiceAccountTokenSource(key: TestKey.serviceAccount, scopes: [], http: FakeGoogleTransport().http())
        #expect(source.tokenURL.absoluteString == "https://oauth2.googleapis.com/token")
    }

    @Test func aRefreshTokenIsTradedAndCached() throws {
        let fake = FakeGoogleTransport()
        let source = RefreshTokenSource(
            clientID: "1234-abc.apps.googleusercontent.com", clientSecret: "GOCSPX-client-secret",
            refreshToken: "1//0refresh-token", tokenURL: Self.tokenURL, http: fake.http())
        #expect(try source.accessToken(forceRefresh: false) == "ya29.access-1")
        #expect(try source.accessToken(forceRefresh: false) == "ya29.access-1")
        #expect(fake.tokenRequests.count == 1)
        let form = Self.form(try #require(fake.tokenRequests.first))
        #expect(
            form == [
                "grant_type": "refresh_token", "refresh_token": "1//0refresh-token",
                "client_id": "1234-abc.apps.googleusercontent.com", "client_secret": "GOCSPX-client-secret",
            ])
        #expect(source.accountDescription == "the OAuth client 1234-abc.apps.googleusercontent.com")
    }

    @Test func aRevokedRefreshTokenSaysWhatToDoAndShowsNoSecret() {
        let fake = FakeGoogleTransport(tokens: [
            FakeGoogleTransport.json(
                400,
                [
                    "error": "invalid_grant", "error_description": "Token has been expired or revoked.",
                ])
        ])
        let source = RefreshTokenSource(
            clientID: "1234-abc.apps.googleusercontent.com", clientSecret: "GOCSPX-client-secret",
            refreshToken: "1//0refresh-token", tokenURL: Self.tokenURL, http: fake.http())
        do {
            _ = try source.accessToken(forceRefresh: false)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .credentials && error.status == 400 && error.reason == "invalid_grant")
            #expect(error.message.contains("revoked or has expired"))
            #expect(error.message.contains("\"Testing\"") && error.message.contains("7 days"))
            #expect(error.message.contains("service account") && error.message.contains("publish the app"))
            for secret in ["GOCSPX-client-secret", "1//0refresh-token", "refresh-token"] {
                #expect(!error.description.contains(secret) && !String(reflecting: error).contains(secret))
            }
        }
    }

    @Test func secretsEchoedByTheTokenEndpointAreRedacted() {
        let fake = FakeGoogleTransport(tokens: [
            FakeGoogleTransport.json(
                401,
                [
                    "error": "invalid_client", "error_description": "client GOCSPX-client-secret with 1//0refresh-token is unknown",
                ])
        ])
        let source = RefreshTokenSource(
            clientID: "1234-abc", clientSecret: "GOCSPX-client-secret", refreshToken: "1//0refresh-token",
            tokenURL: Self.tokenURL, http: fake.http())
        do {
            _ = try source.accessToken(forceRefresh: false)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .credentials && error.reason == "invalid_client")
            #expect(!error.description.contains("GOCSPX-client-secret") && !error.description.contains("1//0refresh-token"))
            #expect(error.description.contains("[redacted]"))
        }
    }

    @Test func aRefusedServiceAccountKeyShowsNeitherAssertionNorKey() throws {
        let fake = FakeGoogleTransport(tokens: [
            FakeGoogleTransport.json(
                400,
                [
                    "error": "invalid_grant", "error_description": "Invalid JWT Signature.",
                ])
        ])
        let source = ServiceAccountTokenSource(
            key: TestKey.serviceAccount, scopes: [GoogleScopes.calendar], tokenURL: Self.tokenURL,
            http: fake.http())
        do {
            _ = try source.accessToken(forceRefresh: false)
            Issue.record("expected an error")
        } catch {
            let request = try #require(fake.tokenRequests.first)
            let assertion = try #require(Self.form(request)["assertion"])
            #expect(error.kind == .credentials && error.reason == "invalid_grant" && error.message.contains("Invalid JWT Signature."))
            #expect(error.description.contains(TestKey.email))
            #expect(!error.description.contains(assertion) && !error.description.contains(String(assertion.prefix(20))))
            #expect(!error.description.contains("PRIVATE KEY"))
        }
    }

    @Test func aTokenEndpointOutageIsRetriedThenReported() {
        let fake = FakeGoogleTransport(tokens: [FakeGoogleTransport.raw(503, "busy"), FakeGoogleTransport.dropped])
        let source = ServiceAccountTokenSource(key: TestKey.serviceAccount, scopes: [], tokenURL: Self.tokenURL, http: fake.http())
        #expect(throws: Never.self) { try source.accessToken(forceRefresh: false) }
        #expect(fake.tokenRequests.count == 3)

        let down = FakeGoogleTransport(tokens: Array(repeating: FakeGoogleTransport.dropped, count: 4))
        let failing = ServiceAccountTokenSource(key: TestKey.serviceAccount, scopes: [], tokenURL: Self.tokenURL, http: down.http())
        #expect(
            throws: GoogleAPIError(
                kind: .transport, message: "no response after 4 attempts: the connection was dropped",
                operation: "requesting an access token for \(TestKey.email)", attempts: 4)
        ) {
            try failing.accessToken(forceRefresh: false)
        }
    }
}
