import CryptoExtras
import Foundation
import RingbackJSON

/// A Google service-account key file, read and checked before any request, so a wrong or damaged file is
/// reported by name and field instead of as a refused token. Never prints the private key.
package struct ServiceAccountKey: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    package var clientEmail: String
    package var privateKeyID: String
    package var tokenURI: URL
    package var projectID: String?
    let privateKey: _RSA.Signing.PrivateKey

    /// A key from its parts; `privateKeyPEM` is the PKCS#8 PEM of the key file's `private_key`.
    package init(
        clientEmail: String, privateKeyID: String, privateKeyPEM: String, tokenURI: URL = GoogleEndpoints.googleToken,
        projectID: String? = nil
    ) throws(GoogleAPIError) {
        guard let key = try? _RSA.Signing.PrivateKey(pemRepresentation: privateKeyPEM) else {
            throw GoogleAPIError(
                kind: .credentials, message: "private_key is not an RSA private key in PEM form (2048 bits or more)",
                operation: "reading the service account key")
        }
        self.init(clientEmail: clientEmail, privateKeyID: privateKeyID, privateKey: key, tokenURI: tokenURI, projectID: projectID)
    }

    init(clientEmail: String, privateKeyID: String, privateKey: _RSA.Signing.PrivateKey, tokenURI: URL, projectID: String?) {
        self.clientEmail = clientEmail
        self.privateKeyID = privateKeyID
        self.privateKey = privateKey
        self.tokenURI = tokenURI
        self.projectID = projectID
    }

    package var description: String { "service account \(clientEmail) (key \(privateKeyID))" }
    package var debugDescription: String { description }

    package static func load(path: String) throws(GoogleAPIError) -> ServiceAccountKey {
        let operation = "reading the service account key file \(path)"
        guard let data = FileManager.default.contents(atPath: path) else {
            let exists = FileManager.default.fileExists(atPath: path)
            throw GoogleAPIError(
                kind: .credentials, message: exists ? "the file cannot be read (check its permissions)" : "there is no such file",
                operation: operation,
                hint: "Download a JSON key for the service account in the Google Cloud console and give its path in the config")
        }
        return try parse([UInt8](data), path: path)
    }

    /// Checks a key file's contents; `path` only names the file in errors.
    package static func parse(_ bytes: [UInt8], path: String) throws(GoogleAPIError) -> ServiceAccountKey {
        let operation = "reading the service account key file \(path)"
        func problem(_ message: String, hint: String? = nil) -> GoogleAPIError {
            GoogleAPIError(kind: .credentials, message: message, operation: operation, hint: hint)
        }
        guard let document = try? JSONValue.parse(bytes), document.object != nil else {
            throw problem("the file is not JSON", hint: "Use the JSON key file the Google Cloud console downloads for the service account")
        }
        func field(_ name: String) throws(GoogleAPIError) -> String {
            guard let value = document[name] else { throw problem("the field \"\(name)\" is missing") }
            guard let text = value.string, !text.isEmpty else { throw problem("the field \"\(name)\" is not a non-empty string") }
            return text
        }
        let type = try field("type")
        guard type == "service_account" else {
            throw problem(
                "the field \"type\" is \"\(type)\", not \"service_account\"",
                hint: type == "authorized_user"
                    ? "This is a user's application-default credential; configure it as an OAuth refresh token, or create a service account key"
                    : "Create a key for a service account (IAM & Admin > Service Accounts > Keys) and use that file")
        }
        let email = try field("client_email")
        let keyID = try field("private_key_id")
        let pem = try field("private_key")
        guard pem.contains("-----BEGIN PRIVATE KEY-----") || pem.contains("-----BEGIN RSA PRIVATE KEY-----"),
            let key = try? _RSA.Signing.PrivateKey(pemRepresentation: pem)
        else {
            throw problem(
                "the field \"private_key\" is not a PKCS#8 PEM RSA private key",
                hint: "Download a fresh key file; the private key must be copied whole, with its BEGIN and END lines")
        }
        var tokenURI = GoogleEndpoints.googleToken
        if document["token_uri"] != nil {
            let text = try field("token_uri")
            guard let url = URL(string: text), let scheme = url.scheme, ["https", "http"].contains(scheme), url.host != nil else {
                throw problem("the field \"token_uri\" is not an http(s) URL")
            }
            tokenURI = url
        }
        return ServiceAccountKey(
            clientEmail: email, privateKeyID: keyID, privateKey: key, tokenURI: tokenURI,
            projectID: document["project_id"]?.string)
    }

    /// A warning when others than the owner may read or change the key file (mode & 0o077), or nil.
    package static func permissionWarning(path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue, mode & 0o077 != 0
        else { return nil }
        let octal = String(mode & 0o777, radix: 8)
        return "The Google key file \(path) can be read or changed by other users (mode \(octal)); run chmod 600 \(path)"
    }
}
