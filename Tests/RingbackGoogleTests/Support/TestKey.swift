import CryptoExtras
import Foundation

@testable import RingbackGoogle

/// One RSA-2048 key for the whole test run (generating one takes a moment), and key files made from it.
enum TestKey {
    static let privateKey = try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    static let email = "ringback-sync@ringback-test.iam.gserviceaccount.com"
    static let keyID = "0123456789abcdef0123456789abcdef01234567"

    static let serviceAccount = try! ServiceAccountKey(
        clientEmail: email, privateKeyID: keyID,
        privateKeyPEM: privateKey.pkcs8PEMRepresentation, projectID: "ringback-test")

    /// The JSON of a key file as the Google Cloud console writes it, with `changes` applied (nil removes a field).
    static func keyFile(_ changes: [String: String?] = [:]) -> [UInt8] {
        var fields: [String: String] = [
            "type": "service_account", "project_id": "ringback-test", "private_key_id": keyID,
            "private_key": privateKey.pkcs8PEMRepresentation, "client_email": email, "client_id": "112233445566778899",
            "auth_uri": "https://accounts.google.com/o/oauth2/auth", "token_uri": "https://oauth2.googleapis.com/token",
            "universe_domain": "googleapis.com",
        ]
        for (name, value) in changes { fields[name] = value }
        return Array(try! JSONSerialization.data(withJSONObject: fields))
    }

    static func temporaryFile(_ bytes: [UInt8], mode: Int) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ringback-key-\(UUID().uuidString).json").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: mode])
        try! FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }
}
