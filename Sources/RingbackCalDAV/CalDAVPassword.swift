import Foundation
import RingbackYAML

/// Where the CalDAV password comes from: an environment variable, or a file only the job's user can read.
/// Never written in the config, never shown.
package enum CalDAVPassword {
    /// The password named by `password_env:` or `password_file:` (exactly one of them).
    package static func read(_ item: YAMLValue, base: String, environment: [String: String]) throws(YAMLFileError) -> String {
        let envNode = try item.optional("password_env")
        let fileNode = try item.optional("password_file")
        switch (envNode, fileNode) {
        case (let envNode?, nil):
            let name = try envNode.text(expected: "the name of the environment variable holding the password, e.g. RINGBACK_CALDAV_PASSWORD")
            guard let value = environment[name], !value.isEmpty else {
                throw envNode.error("the environment variable \(name) is not set; set it where the job runs (it holds the CalDAV password)")
            }
            return value
        case (nil, let fileNode?):
            let path = ConfigPath.resolve(try fileNode.text(expected: "a file holding the password"), base: base)
            if let problem = fileProblem(path) { throw fileNode.error(problem) }
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .newlines), !text.isEmpty
            else { throw fileNode.error("\(path) cannot be read or is empty; expected the password on its first line") }
            return text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? text
        case (nil, nil):
            throw item.error("a caldav_calendar needs `password_env:` (an environment variable) or `password_file:` (a file of mode 600)")
        case (_?, _?):
            throw item.error("set `password_env:` or `password_file:`, not both")
        }
    }

    /// Why a password file is not safe to use: missing, not this user's, or readable by group or others.
    static func fileProblem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return "\(path) does not exist or cannot be read" }
        if info.st_uid != getuid() { return "\(path) belongs to another user; it must be the job's user's own file" }
        let mode = info.st_mode & 0o777
        if mode & 0o077 != 0 {
            return "\(path) can be read by group or others (mode \(String(mode, radix: 8))); run `chmod 600 \(path)`"
        }
        return nil
    }
}
