import Crypto
import CryptoExtras
import Foundation
import RingbackEmulator
import RingbackJSON

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// An HTTP reply as the tests inspect it.
struct Reply {
    var status: Int
    var headers: [String: String]
    var body: Data
    var json: JSONValue? { try? JSONValue.parse(body) }
    var text: String { String(decoding: body, as: UTF8.self) }
    func header(_ name: String) -> String? { headers.first { $0.key.lowercased() == name.lowercased() }?.value }
}

/// A running emulator plus an access token for one account: what most tests start from.
final class EmulatorHarness: @unchecked Sendable {
    let emulator: GoogleEmulator
    let base: URL
    private(set) var session: URLSession
    var token = ""
    static let email = "ringback-test@ringback-emulator.iam.gserviceaccount.com"

    init(options: EmulatorOptions = EmulatorOptions()) throws {
        emulator = GoogleEmulator(options: options)
        base = try emulator.start()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        session = URLSession(configuration: configuration)
    }

    /// Starts over with no kept-alive connections. When a reused connection is dropped, libcurl retries the request on a
    /// fresh one, and URLSession on Linux cannot rewind an upload body for that retry: the request then hangs until its
    /// timeout. Tests that drop connections on purpose use one connection per request.
    func useFreshConnections() {
        session.invalidateAndCancel()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        configuration.httpAdditionalHeaders = ["Connection": "close"]
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.invalidateAndCancel()
        emulator.stop()
    }

    /// Signs in through the refresh-token grant (no RSA key needed).
    @discardableResult
    func signIn(email: String = EmulatorHarness.email) async throws -> String {
        emulator.registerRefreshToken("1//refresh-\(email)", clientID: "client.apps.googleusercontent.com", clientSecret: "secret", email: email)
        let reply = try await form(
            "/token",
            [
                "grant_type": "refresh_token", "refresh_token": "1//refresh-\(email)",
                "client_id": "client.apps.googleusercontent.com", "client_secret": "secret",
            ])
        token = reply.json?["access_token"]?.string ?? ""
        return token
    }

    func send(_ method: String, _ path: String, body: Data? = nil, headers: [String: String] = [:], authorized: Bool = true) async throws -> Reply {
        var request = URLRequest(url: URL(string: base.absoluteString + path)!)
        request.httpMethod = method
        if authorized && !token.isEmpty { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let body {
            request.httpBody = body
            if headers["Content-Type"] == nil { request.setValue("application/json", forHTTPHeaderField: "Content-Type") }
        }
        let (data, response) = try await session.data(for: request)
        let http = response as! HTTPURLResponse
        var fields: [String: String] = [:]
        for (key, value) in http.allHeaderFields { fields["\(key)"] = "\(value)" }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    func json(_ method: String, _ path: String, _ body: JSONValue? = nil) async throws -> Reply {
        try await send(method, path, body: body.map { Data($0.bytes()) })
    }

    func form(_ path: String, _ fields: [String: String]) async throws -> Reply {
        let text = fields.sorted { $0.key < $1.key }.map { key, value in
            "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value)"
        }.joined(separator: "&")
        return try await send(
            "POST", "/token", body: Data(text.utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"],
            authorized: false)
    }
}

/// Path segments as Ringback's client escapes them.
func escaped(_ text: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
}

/// JWT assertions for the jwt-bearer grant, signed with a key file's private key.
enum TestJWT {
    static func base64URL(_ data: some DataProtocol) -> String {
        Data(data).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func assertion(
        keyFile: [UInt8], audience: String, issuedAt: Date = Date(), lifetime: TimeInterval = 3600,
        scope: String? = "https://www.googleapis.com/auth/spreadsheets https://www.googleapis.com/auth/calendar"
    ) throws -> String {
        let key = try JSONValue.parse(keyFile)
        let privateKey = try _RSA.Signing.PrivateKey(pemRepresentation: key["private_key"]!.string!)
        let header: JSONValue = ["alg": "RS256", "typ": "JWT", "kid": key["private_key_id"]!]
        var claims: [String: JSONValue] = [
            "iss": key["client_email"]!, "aud": .string(audience),
            "iat": .number(issuedAt.timeIntervalSince1970.rounded(.down)),
            "exp": .number((issuedAt.timeIntervalSince1970 + lifetime).rounded(.down)),
        ]
        if let scope { claims["scope"] = .string(scope) }
        let input = base64URL(header.bytes()) + "." + base64URL(JSONValue.object(claims).bytes())
        let signature = try privateKey.signature(for: SHA256.hash(data: Data(input.utf8)), padding: .insecurePKCS1v1_5)
        return input + "." + base64URL(signature.rawRepresentation)
    }
}
