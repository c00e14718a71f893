import Foundation

/// Paths in a configuration are relative to the configuration file's folder, so cron can run from anywhere.
public enum ConfigPath {
    public static func resolve(_ path: String, base: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return expanded }
        return URL(fileURLWithPath: base).appendingPathComponent(expanded).standardizedFileURL.path
    }
}
