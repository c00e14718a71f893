import Crypto
import CryptoExtras
import Foundation
import RingbackJSON

/// The signed assertion a service account trades for an access token: RS256 over
/// `base64url(header).base64url(claims)`, valid for an hour.
package enum JWT {
    /// The assertion for `key` asking for `scopes`, addressed to `audience` (the token endpoint).
    package static func serviceAccountAssertion(
        key: ServiceAccountKey, scopes: [String], audience: URL,
        issuedAt: Date
    ) throws(GoogleAPIError) -> String {
        let iat = Int(issuedAt.timeIntervalSince1970.rounded(.down))
        let header: JSONValue = ["alg": "RS256", "typ": "JWT", "kid": .string(key.privateKeyID)]
        let claims: JSONValue = [
            "iss": .string(key.clientEmail),
            "scope": .string(scopes.joined(separator: " ")),
            "aud": .string(audience.absoluteString),
            "iat": .number(Double(iat)),
            "exp": .number(Double(iat + 3600)),
        ]
        return try sign(header: header, claims: claims, with: key.privateKey)
    }

    static func sign(header: JSONValue, claims: JSONValue, with key: _RSA.Signing.PrivateKey) throws(GoogleAPIError) -> String {
        let signingInput = base64URL(header.bytes()) + "." + base64URL(claims.bytes())
        let signature: _RSA.Signing.RSASignature
        do {
            signature = try key.signature(for: SHA256.hash(data: Array(signingInput.utf8)), padding: .insecurePKCS1v1_5)
        } catch {
            throw GoogleAPIError(
                kind: .credentials, message: "the private key could not sign the token request",
                operation: "signing the service account assertion")
        }
        return signingInput + "." + base64URL(Array(signature.rawRepresentation))
    }

    /// Base64url without padding (RFC 7515).
    package static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The bytes of a base64url text, padded or not; nil when it is not base64url.
    package static func base64URLDecode(_ text: String) -> [UInt8]? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while standard.count % 4 != 0 { standard += "=" }
        return Data(base64Encoded: standard).map { [UInt8]($0) }
    }
}
