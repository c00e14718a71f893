import Foundation
import RingbackGoogle
import RingbackJSON
import RingbackYAML

/// Reads the `google:` block: where the credentials are (a key file, `GOOGLE_APPLICATION_CREDENTIALS`,
/// refresh-token variables, or gcloud's application-default file) and checks the file before any run.
/// Secrets are never copied into messages.
enum GoogleSettingsLoader {
    static let keys: Set<String> = ["credentials", "oauth", "endpoint", "timeout_seconds", "max_attempts"]

    static func load(_ node: YAMLValue?, base: String, environment: [String: String], warnings: inout [String]) throws -> GoogleSettings {
        if let node { try node.allowOnly(keys) }
        let credentials = try credentials(node, base: base, environment: environment, warnings: &warnings)
        var settings = GoogleSettings(credentials: credentials)
        if let endpointNode = try node?.optional("endpoint") {
            let text = try endpointNode.string().trimmingCharacters(in: .whitespaces)
            guard let url = URL(string: text.hasSuffix("/") ? String(text.dropLast()) : text), url.scheme == "http" || url.scheme == "https",
                let host = url.host
            else {
                throw endpointNode.error("expected an http:// or https:// URL (only set this to use the local emulator)")
            }
            // The token request carries the credentials: they may only go to an emulator on this machine.
            guard ["127.0.0.1", "localhost", "::1", "[::1]"].contains(host.lowercased()) else {
                throw endpointNode.error(
                    "`endpoint` is for the local emulator and must be on this machine (127.0.0.1 or localhost); remove it to talk to Google")
            }
            settings.endpoint = url
        }
        if let timeout = try node?.optional("timeout_seconds") {
            settings.timeoutSeconds = Double(try timeout.int(min: 1, max: 600))
        }
        if let attempts = try node?.optional("max_attempts") {
            settings.maxAttempts = try attempts.int(min: 1, max: 10)
        }
        return settings
    }

    private static func credentials(
        _ node: YAMLValue?, base: String, environment: [String: String],
        warnings: inout [String]
    ) throws -> GoogleSettings.Credentials {
        if let oauth = try node?.optional("oauth") { return try refreshToken(oauth, environment: environment) }
        let pathNode = try node?.optional("credentials")
        let (path, origin) = try credentialsFile(node, pathNode, base: base, environment: environment)
        func fail(_ message: String) -> any Error {
            pathNode?.error("\(path): \(message)") ?? ConfigError.file(path, "\(message) (from \(origin))")
        }
        let type = try checkedKeyFile(path, fail: fail)
        if let warning = ServiceAccountKey.permissionWarning(path: path) { warnings.append(warning) }
        return type == "service_account" ? .serviceAccount(path: path) : .authorizedUserFile(path: path)
    }

    /// `oauth:`: the names of the variables holding an installed app's client and refresh token.
    private static func refreshToken(_ oauth: YAMLValue, environment: [String: String]) throws -> GoogleSettings.Credentials {
        try oauth.allowOnly(["client_id_env", "client_secret_env", "refresh_token_env"])
        func value(_ key: String, _ fallback: String) throws -> String {
            let nameNode = try oauth.optional(key)
            let name = try nameNode?.string() ?? fallback
            guard let value = environment[name], !value.isEmpty else {
                let what = key.replacingOccurrences(of: "_env", with: "").replacingOccurrences(of: "_", with: " ")
                throw (nameNode ?? oauth).error("environment variable \(name) is not set (it holds the OAuth \(what))")
            }
            return value
        }
        return .refreshToken(
            clientID: try value("client_id_env", "RINGBACK_GOOGLE_CLIENT_ID"),
            clientSecret: try value("client_secret_env", "RINGBACK_GOOGLE_CLIENT_SECRET"),
            refreshToken: try value("refresh_token_env", "RINGBACK_GOOGLE_REFRESH_TOKEN"))
    }

    /// Where the key file is: `credentials:`, else GOOGLE_APPLICATION_CREDENTIALS, else gcloud's default file.
    private static func credentialsFile(
        _ node: YAMLValue?, _ pathNode: YAMLValue?, base: String, environment: [String: String]
    )
        throws -> (path: String, origin: String)
    {
        if let pathNode {
            return (ConfigLoader.resolve(try pathNode.text(expected: "the path of a service-account key file"), base: base), "google.credentials")
        }
        if let fromEnvironment = environment["GOOGLE_APPLICATION_CREDENTIALS"], !fromEnvironment.isEmpty {
            return (ConfigLoader.resolve(fromEnvironment, base: FileManager.default.currentDirectoryPath), "GOOGLE_APPLICATION_CREDENTIALS")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        let path = home + "/.config/gcloud/application_default_credentials.json"
        guard FileManager.default.fileExists(atPath: path) else {
            throw node?.error(
                "no Google credentials: set `credentials:` to a service-account key file, set GOOGLE_APPLICATION_CREDENTIALS, or use `oauth:` with a refresh token"
            )
                ?? ConfigError.file(
                    path,
                    "no Google credentials: add a `google:` block with `credentials:` (a service-account key file), or set GOOGLE_APPLICATION_CREDENTIALS"
                )
        }
        return (path, "gcloud application-default credentials")
    }

    /// The key file's `type`, once the file is readable JSON with every field its type needs.
    private static func checkedKeyFile(_ path: String, fail: (String) -> any Error) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail("cannot read the Google credentials file (does it exist, and can this user read it?)")
        }
        let json: JSONValue
        do {
            json = try JSONValue.parse([UInt8](data))
        } catch {
            throw fail("the credentials file is not JSON (\(error.message)); download the key again")
        }
        let type = json["type"]?.string ?? ""
        let needed: [String]
        switch type {
        case "service_account": needed = ["client_email", "private_key", "token_uri"]
        case "authorized_user": needed = ["client_id", "client_secret", "refresh_token"]
        default: throw fail("`type` is `\(type)`; expected service_account (a service-account key) or authorized_user")
        }
        for field in needed where (json[field]?.string ?? "").isEmpty {
            throw fail("field `\(field)` is missing or empty")
        }
        if type == "service_account" {
            do {
                _ = try ServiceAccountKey.load(path: path)
            } catch {
                throw fail(error.message)
            }
        }
        return type
    }
}
