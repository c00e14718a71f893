import Crypto
import CryptoExtras
import Foundation
import RingbackCodecs
import RingbackJSON

/// A registered service account: the public half of its key checks JWT signatures at the token endpoint.
struct ServiceAccountRecord {
    var email: String
    var keyID: String
    var publicKey: _RSA.Signing.PublicKey
}

/// An installed-app grant: refresh token, the OAuth client it belongs to, and whose it is.
struct RefreshTokenRecord {
    var clientID: String
    var clientSecret: String
    var email: String
    var revoked = false
}

/// An access token the emulator issued.
struct AccessTokenRecord {
    var email: String
    var expires: Date
    /// nil: every scope (refresh-token grants).
    var scopes: [String]?
}

/// Google-format service-account key files.
enum ServiceAccountKeyFile {
    static func make(email: String, keyID: String, privateKeyPEM: String, tokenURI: String) -> [UInt8] {
        let project = email.split(separator: "@").dropFirst().first?.split(separator: ".").first.map(String.init) ?? "ringback-emulator"
        let clientID = String(UInt64(truncatingIfNeeded: email.hashValue).magnitude % 1_000_000_000_000_000_000)
        let value: JSONValue = [
            "type": "service_account",
            "project_id": .string(project),
            "private_key_id": .string(keyID),
            "private_key": .string(privateKeyPEM.hasSuffix("\n") ? privateKeyPEM : privateKeyPEM + "\n"),
            "client_email": .string(email),
            "client_id": .string(clientID),
            "auth_uri": "https://accounts.google.com/o/oauth2/auth",
            "token_uri": .string(tokenURI),
            "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
            "client_x509_cert_url": .string("https://www.googleapis.com/robot/v1/metadata/x509/" + PercentEncoding.encode(email)),
            "universe_domain": "googleapis.com",
        ]
        return value.bytes()
    }
}
