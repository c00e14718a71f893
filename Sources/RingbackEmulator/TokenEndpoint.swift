import Crypto
import CryptoExtras
import Foundation
import RingbackJSON

/// POST /token: the JWT-bearer grant of service accounts and the refresh-token grant of installed apps, with Google's
/// OAuth error bodies (`{"error": "invalid_grant", "error_description": …}`).
enum TokenEndpoint {
    static func oauthError(_ status: Int, _ error: String, _ description: String) -> HTTPResponseData {
        .json(status, ["error": .string(error), "error_description": .string(description)])
    }

    static func base64URLDecode(_ text: Substring) -> Data? {
        var base = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base.append("=") }
        return Data(base64Encoded: base)
    }

    static func handle(_ request: HTTPRequestData, state: inout EmulatorState, now: Date = Date()) -> HTTPResponseData {
        let form = HTTPRequestData.parseForm(String(decoding: request.body, as: UTF8.self))
        func field(_ name: String) -> String? { form.first { $0.name == name }?.value }
        switch field("grant_type") {
        case "urn:ietf:params:oauth:grant-type:jwt-bearer":
            return jwtGrant(field("assertion") ?? "", state: &state, now: now)
        case "refresh_token":
            guard let clientID = field("client_id"), let secret = field("client_secret") else {
                return oauthError(400, "invalid_request", "Missing required parameter: client_id")
            }
            guard let token = field("refresh_token") else {
                return oauthError(400, "invalid_request", "Missing required parameter: refresh_token")
            }
            let clients = state.refreshTokens.values.filter { $0.clientID == clientID }
            guard !clients.isEmpty else { return oauthError(401, "invalid_client", "The OAuth client was not found.") }
            guard clients.contains(where: { $0.clientSecret == secret }) else { return oauthError(401, "invalid_client", "Unauthorized") }
            guard let record = state.refreshTokens[token], !record.revoked, record.clientID == clientID else {
                return oauthError(400, "invalid_grant", "Token has been expired or revoked.")
            }
            return issue(email: record.email, scopes: nil, state: &state, now: now)
        case nil:
            return oauthError(400, "unsupported_grant_type", "Invalid grant_type: ")
        case let other?:
            return oauthError(400, "unsupported_grant_type", "Invalid grant_type: \(other)")
        }
    }

    private static func issue(email: String, scopes: [String]?, state: inout EmulatorState, now: Date) -> HTTPResponseData {
        let token = "ya29.emu-" + state.randomID(length: 40, alphabet: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        state.accessTokens[token] = AccessTokenRecord(email: email, expires: now.addingTimeInterval(3599), scopes: scopes)
        return .json(200, ["access_token": .string(token), "expires_in": 3599, "token_type": "Bearer"])
    }

    private static func jwtGrant(_ assertion: String, state: inout EmulatorState, now: Date) -> HTTPResponseData {
        let parts = assertion.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = base64URLDecode(parts[0]), let claimsData = base64URLDecode(parts[1]),
            let signature = base64URLDecode(parts[2]),
            let header = try? JSONValue.parse(headerData), let claims = try? JSONValue.parse(claimsData)
        else {
            return oauthError(
                400, "invalid_grant",
                "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim."
            )
        }
        guard header["alg"]?.string == "RS256" else {
            return oauthError(400, "invalid_grant", "Invalid JWT Signature.")
        }
        guard let issuer = claims["iss"]?.string, let account = state.accounts[issuer] else {
            return oauthError(400, "invalid_grant", "Invalid grant: account not found")
        }
        if let kid = header["kid"]?.string, kid != account.keyID {
            return oauthError(400, "invalid_grant", "Invalid JWT Signature.")
        }
        let signingInput = Data(assertion.utf8.prefix(parts[0].utf8.count + 1 + parts[1].utf8.count))
        let valid = account.publicKey.isValidSignature(
            _RSA.Signing.RSASignature(rawRepresentation: signature),
            for: SHA256.hash(data: signingInput), padding: .insecurePKCS1v1_5)
        guard valid else { return oauthError(400, "invalid_grant", "Invalid JWT Signature.") }
        let audiences = [state.baseURL + "/token", "https://oauth2.googleapis.com/token", "https://www.googleapis.com/oauth2/v4/token"]
        guard let audience = claims["aud"]?.string, audiences.contains(audience) else {
            return oauthError(400, "invalid_grant", "Invalid JWT: Failed audience check. The right audience is \(state.baseURL)/token")
        }
        let nowSeconds = now.timeIntervalSince1970
        guard let iat = claims["iat"]?.number, let exp = claims["exp"]?.number, exp > iat, exp - iat <= 3600,
            exp > nowSeconds, iat <= nowSeconds + 300
        else {
            return oauthError(
                400, "invalid_grant",
                "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim."
            )
        }
        guard let scope = claims["scope"]?.string, !scope.isEmpty else {
            return oauthError(400, "invalid_scope", "Invalid OAuth scope or ID token audience provided.")
        }
        if claims["sub"]?.string.map({ $0 != issuer }) == true {
            return oauthError(
                401, "unauthorized_client",
                "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.")
        }
        return issue(email: issuer, scopes: scope.split(separator: " ").map(String.init), state: &state, now: now)
    }
}
