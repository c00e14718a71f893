import Foundation

/// Paths in a configuration are relative to the configuration file's folder, so cron can run from anywhere.
public enum ConfigPath {
    public static func resolve(_ path: String, base: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return URL(fileURLWithPath: base).appendingPathComponent(expanded).standardizedFileURL.path
    }

    /// `path` written relative to the folder `base` (with `../` where it lies outside it), so what is
    /// recorded about a file survives moving the whole folder.
    public static func relative(_ path: String, to base: String) -> String {
        let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let folder = URL(fileURLWithPath: base).standardizedFileURL.pathComponents
        var common = 0
        while common < target.count, common < folder.count, target[common] == folder[common] { common += 1 }
        let parts = Array(repeating: "..", count: folder.count - common) + target[common...]
        return parts.joined(separator: "/")
    }
}
