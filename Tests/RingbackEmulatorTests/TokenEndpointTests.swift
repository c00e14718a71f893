import Foundation
import RingbackEmulator
import RingbackJSON
import Testing

/// The token endpoint as Ringback's auth code meets it: service-account JWTs and installed-app refresh tokens.
@Suite struct TokenEndpointTests {
    let email = "ringback-sync@ringback-emulator.iam.gserviceaccount.com"

    @Test func serviceAccountKeyFileAndJWTGrant() async throws {
        let h = try EmulatorHarness()
        let keyFile = try h.emulator.createServiceAccount(email: email)
        let key = try JSONValue.parse(keyFile)
        #expect(key["type"] == "service_account")
        #expect(key["client_email"] == .string(email))
        #expect(key["token_uri"] == .string(h.base.absoluteString + "/token"))
        #expect(key["private_key"]?.string?.hasPrefix("-----BEGIN PRIVATE KEY-----\n") == true)
        #expect(key["project_id"] == "ringback-emulator")
        #expect(key["auth_uri"] == "https://accounts.google.com/o/oauth2/auth")
        #expect(key["auth_provider_x509_cert_url"] == "https://www.googleapis.com/oauth2/v1/certs")
        #expect(key["universe_domain"] == "googleapis.com")
        let certPrefix = "https://www.googleapis.com/robot/v1/metadata/x509/"
        let certURL = try #require(key["client_x509_cert_url"]?.string)
        #expect(certURL.hasPrefix(certPrefix) && certURL.dropFirst(certPrefix.count).removingPercentEncoding == email)
        #expect(key["client_id"]?.string?.isEmpty == false && key["client_id"]?.string?.allSatisfy(\.isNumber) == true)
        #expect(key["private_key_id"]?.string?.count == 40 && key["private_key_id"]?.string?.allSatisfy(\.isHexDigit) == true)
        let tokenURL = h.base.absoluteString + "/token"

        let good = try await h.form(
            "/token",
            [
                "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion": try TestJWT.assertion(keyFile: keyFile, audience: tokenURL),
            ])
        #expect(good.status == 200)
        #expect(good.json?["token_type"] == "Bearer")
        #expect(good.json?["expires_in"] == 3599)
        let token = try #require(good.json?["access_token"]?.string)
        h.emulator.createSpreadsheet(id: "shared", sharedWith: [email])
        h.token = token
        #expect(try await h.json("GET", "/v4/spreadsheets/shared").status == 200)

        let googleAudience = try await h.form(
            "/token",
            [
                "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion": try TestJWT.assertion(keyFile: keyFile, audience: "https://oauth2.googleapis.com/token"),
            ])
        #expect(googleAudience.status == 200)

        var tampered = try TestJWT.assertion(keyFile: keyFile, audience: tokenURL)
        tampered.removeLast(3)
        tampered += "AAA"
        let badSignature = try await h.form("/token", ["grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion": tampered])
        #expect(badSignature.status == 400)
        #expect(badSignature.json == ["error": "invalid_grant", "error_description": "Invalid JWT Signature."])

        let expired = try await h.form(
            "/token",
            [
                "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion": try TestJWT.assertion(
                    keyFile: keyFile, audience: tokenURL,
                    issuedAt: Date().addingTimeInterval(-7200)),
            ])
        #expect(expired.status == 400)
        #expect(expired.json?["error"] == "invalid_grant")

        let tooLong = try await h.form(
            "/token",
            [
                "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion": try TestJWT.assertion(keyFile: keyFile, audience: tokenURL, lifetime: 7200),
            ])
        #expect(tooLong.status == 400)

        let noScope = try await h.form(
            "/token",
            [
                "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion": try TestJWT.assertion(keyFile: keyFile, audience: tokenURL, scope: nil),
            ])
        #expect(noScope.status == 400)
        #expect(noScope.json?["error"] == "invalid_scope")

        let calendarOnly = try await h.form(
            "/token",
            [
                "grant_type": "urn:ietf:params:oauth:grant-type:jwt-bearer",
                "assertion": try TestJWT.assertion(
                    keyFile: keyFile, audience: tokenURL,
                    scope: "https://www.googleapis.com/auth/calendar"),
            ])
        h.token = try #require(calendarOnly.json?["access_token"]?.string)
        let insufficient = try await h.json("GET", "/v4/spreadsheets/shared")
        #expect(insufficient.status == 403)
        #expect(insufficient.json?["error"]?["message"] == "Request had insufficient authentication scopes.")
        #expect(h.emulator.requestCounts()["token"] == 7)
    }

    @Test func refreshTokensWorkUntilRevoked() async throws {
        let h = try EmulatorHarness()
        h.emulator.registerRefreshToken("1//rt", clientID: "ringback.apps.googleusercontent.com", clientSecret: "s3cret", email: "office@example.com")
        func refresh(
            _ token: String = "1//rt", client: String = "ringback.apps.googleusercontent.com", secret: String = "s3cret"
        ) async throws -> Reply {
            try await h.form("/token", ["grant_type": "refresh_token", "refresh_token": token, "client_id": client, "client_secret": secret])
        }
        #expect(try await refresh().status == 200)
        let wrongSecret = try await refresh(secret: "nope")
        #expect(wrongSecret.status == 401)
        #expect(wrongSecret.json?["error"] == "invalid_client")
        #expect(try await refresh(client: "other.apps.googleusercontent.com").json?["error"] == "invalid_client")
        h.emulator.revokeRefreshToken("1//rt")
        let revoked = try await refresh()
        #expect(revoked.status == 400)
        #expect(revoked.json == ["error": "invalid_grant", "error_description": "Token has been expired or revoked."])
        let unknownGrant = try await h.form("/token", ["grant_type": "password"])
        #expect(unknownGrant.status == 400)
        #expect(unknownGrant.json?["error"] == "unsupported_grant_type")
    }
}
