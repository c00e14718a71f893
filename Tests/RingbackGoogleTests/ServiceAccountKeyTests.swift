import Foundation
import Testing

@testable import RingbackGoogle

/// Key files are checked before any request, and errors name the file and the field, never the key.
@Suite struct ServiceAccountKeyTests {
    @Test func aConsoleKeyFileLoads() throws {
        let path = TestKey.temporaryFile(TestKey.keyFile(), mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let key = try ServiceAccountKey.load(path: path)
        #expect(key.clientEmail == TestKey.email && key.privateKeyID == TestKey.keyID && key.projectID == "ringback-test")
        #expect(key.tokenURI.absoluteString == "https://oauth2.googleapis.com/token")
        #expect(!"\(key)".contains("PRIVATE KEY") && !String(reflecting: key).contains("PRIVATE KEY"))
        #expect(ServiceAccountKey.permissionWarning(path: path) == nil)
    }

    @Test func aKeyFileOthersCanReadGetsAWarning() throws {
        let path = TestKey.temporaryFile(TestKey.keyFile(), mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let warning = try #require(ServiceAccountKey.permissionWarning(path: path))
        #expect(warning.contains("chmod 600 \(path)") && warning.contains("644"))
    }

    @Test(
        arguments: [
            (["client_email": nil], "\"client_email\" is missing"),
            (["private_key_id": nil], "\"private_key_id\" is missing"),
            (["type": "authorized_user"], "\"type\" is \"authorized_user\", not \"service_account\""),
            (
                ["private_key": "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n"],
                "\"private_key\" is not a PKCS#8 PEM RSA private key"
            ),
            (["token_uri": "not a url"], "\"token_uri\" is not an http(s) URL"),
        ] as [([String: String?], String)])
    func aBadFieldIsNamed(changes: [String: String?], expected: String) {
        do {
            _ = try ServiceAccountKey.parse(TestKey.keyFile(changes), path: "/etc/ringback/key.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .credentials)
            #expect(error.message.contains(expected), "\(error.message)")
            #expect(error.description.contains("/etc/ringback/key.json"))
            #expect(!error.description.contains("PRIVATE KEY") && !error.description.contains("bm90IGEga2V5"))
        }
    }

    @Test func aMissingOrNonJSONFileIsNamed() {
        #expect(throws: GoogleAPIError.self) { try ServiceAccountKey.load(path: "/nonexistent/ringback-key.json") }
        do {
            _ = try ServiceAccountKey.load(path: "/nonexistent/ringback-key.json")
        } catch {
            #expect(error.description.contains("/nonexistent/ringback-key.json") && error.message == "there is no such file")
        }
        do {
            _ = try ServiceAccountKey.parse(Array("client_email=x".utf8), path: "key.json")
        } catch {
            #expect(error.kind == .credentials && error.message == "the file is not JSON")
        }
    }
}
