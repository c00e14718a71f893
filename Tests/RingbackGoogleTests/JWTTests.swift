import Crypto
import CryptoExtras
import Foundation
import RingbackJSON
import Testing

@testable import RingbackGoogle

/// The service-account assertion: header, claims and an RS256 signature the public key verifies.
@Suite struct JWTTests {
    @Test func theAssertionHasGooglesHeaderAndClaimsAndAValidSignature() throws {
        let issued = Date(timeIntervalSince1970: 1_790_000_000.7)
        let audience = URL(string: "https://oauth2.googleapis.com/token")!
        let jwt = try JWT.serviceAccountAssertion(
            key: TestKey.serviceAccount, scopes: [GoogleScopes.sheets, GoogleScopes.calendar],
            audience: audience, issuedAt: issued)
        let pieces = jwt.split(separator: ".").map(String.init)
        #expect(pieces.count == 3)
        #expect(!jwt.contains("=") && !jwt.contains("+") && !jwt.contains("/"))

        let header = try JSONValue.parse(#require(JWT.base64URLDecode(pieces[0])))
        #expect(header == ["alg": "RS256", "typ": "JWT", "kid": .string(TestKey.keyID)])
        let claims = try JSONValue.parse(#require(JWT.base64URLDecode(pieces[1])))
        #expect(claims["iss"] == .string(TestKey.email))
        #expect(claims["scope"] == "https://www.googleapis.com/auth/spreadsheets https://www.googleapis.com/auth/calendar")
        #expect(claims["aud"] == "https://oauth2.googleapis.com/token")
        #expect(claims["iat"] == 1_790_000_000)
        #expect(claims["exp"] == 1_790_003_600)
        #expect(claims["sub"] == nil)

        let signature = _RSA.Signing.RSASignature(rawRepresentation: try #require(JWT.base64URLDecode(pieces[2])))
        let digest = SHA256.hash(data: Array((pieces[0] + "." + pieces[1]).utf8))
        #expect(TestKey.privateKey.publicKey.isValidSignature(signature, for: digest, padding: .insecurePKCS1v1_5))
        let tampered = SHA256.hash(data: Array((pieces[0] + "." + pieces[0]).utf8))
        #expect(!TestKey.privateKey.publicKey.isValidSignature(signature, for: tampered, padding: .insecurePKCS1v1_5))
    }

    @Test func base64URLRoundTrips() {
        let bytes: [UInt8] = [0xFB, 0xFF, 0xBF, 0x00, 0x01]
        #expect(JWT.base64URL(bytes) == "-_-_AAE")
        #expect(JWT.base64URLDecode("-_-_AAE") == bytes)
    }
}
