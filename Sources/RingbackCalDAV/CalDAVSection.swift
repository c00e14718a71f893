import Foundation
import RingbackHTTP
import RingbackYAML

extension CalDAVSettings {
    /// The `caldav_calendar` target section: `url:` of the calendar, or `server:` and `calendar:` to find
    /// it; `username:`; `password_env:` or `password_file:`; optional `cancel:` (status or delete),
    /// `timeout_seconds:` and `max_attempts:`.
    package static func load(
        _ item: YAMLValue, base: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(YAMLFileError) -> CalDAVSettings {
        try item.allowOnly([
            "type", "url", "server", "calendar", "username", "password_env", "password_file", "cancel", "timeout_seconds", "max_attempts",
        ])
        let location: Location
        switch (try item.optional("url"), try item.optional("server")) {
        case (let urlNode?, nil):
            if try item.optional("calendar") != nil { throw item.error("`calendar:` goes with `server:`; `url:` is already the calendar's address") }
            location = .calendar(try address(urlNode, directory: true))
        case (nil, let serverNode?):
            let name = try item.required("calendar").text(expected: "the calendar's name or the last part of its path, e.g. callbacks")
            location = .discover(server: try address(serverNode, directory: false), calendar: name)
        case (nil, nil):
            throw item.error("a caldav_calendar needs `url:` (the calendar's address) or `server:` and `calendar:` (to find it)")
        case (_?, _?):
            throw item.error("set `url:` or `server:`, not both")
        }
        let username = try item.required("username").text(expected: "the account's user name, e.g. office@example.com")
        var settings = CalDAVSettings(
            location: location, username: username, password: try CalDAVPassword.read(item, base: base, environment: environment))
        if let node = try item.optional("cancel") {
            guard let mode = CancelMode(rawValue: try node.string()) else {
                throw node.error("found `\(try node.string())`; expected status (keep it as cancelled) or delete")
            }
            settings.cancel = mode
        }
        let timeout = Double(try item.optional("timeout_seconds")?.int(min: 1, max: 600) ?? 30)
        settings.policy = RetryPolicy(
            maxAttempts: try item.optional("max_attempts")?.int(min: 1, max: 10) ?? 4, requestTimeout: timeout, attemptTimeout: timeout * 4)
        return settings
    }

    /// An http(s) address; a calendar's gets its trailing slash (a collection).
    private static func address(_ node: YAMLValue, directory: Bool) throws(YAMLFileError) -> URL {
        var text = try node.text(expected: "an address such as https://cloud.example.com/remote.php/dav/calendars/office/callbacks/")
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            throw node.error("found `\(text)`; expected an http or https address")
        }
        if scheme == "http" && !["127.0.0.1", "localhost", "::1", "[::1]"].contains(url.host!.lowercased()) {
            throw node.error("found `\(text)`; expected an https address (over http the password would cross the network in the clear)")
        }
        guard url.user == nil && url.password == nil else {
            throw node.error("the address holds a user name or password; put them in `username:` and `password_env:` or `password_file:`")
        }
        if directory && !text.hasSuffix("/") { text += "/" }
        return URL(string: text)!
    }
}
