import Foundation

/// Checks a path a configuration names before any run needs it, so `validate` says which key is wrong
/// instead of the run failing later with an I/O error that names neither the key nor the line.
public enum ConfigPathCheck {
    /// What the path must be.
    public enum Need: Sendable {
        /// A file Ringback writes: not a folder; its folder exists and is writable, or can be created.
        case writableFile
        /// A folder that exists (the mappings folder).
        case existingFolder
        /// A file that exists and can be read (a list file).
        case readableFile
    }

    /// The resolved path, or the node's error saying what was found and what was expected.
    public static func check(_ node: YAMLValue, base: String, need: Need) throws(YAMLFileError) -> String {
        guard !node.isNull else { throw node.error("found no value; expected \(expected(need))") }
        let written = try node.string()
        guard !written.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw node.error("found an empty path; expected \(expected(need))")
        }
        let path = ConfigPath.resolve(written, base: base)
        if let problem = problem(path, need: need) {
            throw node.error("found `\(written)` (\(path)), \(problem); expected \(expected(need))")
        }
        return path
    }

    /// Why `path` does not meet `need`, or nil.
    public static func problem(_ path: String, need: Need) -> String? {
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        switch need {
        case .existingFolder:
            if !exists { return "which does not exist" }
            return isFolder.boolValue ? nil : "which is a file"
        case .readableFile:
            if !exists { return "which does not exist" }
            if isFolder.boolValue { return "which is a folder" }
            return FileManager.default.isReadableFile(atPath: path) ? nil : "which this user cannot read"
        case .writableFile:
            if exists && isFolder.boolValue { return "which is a folder" }
            if exists && !FileManager.default.isWritableFile(atPath: path) { return "which this user cannot write" }
            return folderProblem((path as NSString).deletingLastPathComponent)
        }
    }

    private static func expected(_ need: Need) -> String {
        switch need {
        case .writableFile: return "a file path in a folder Ringback can write or create"
        case .existingFolder: return "an existing folder"
        case .readableFile: return "an existing file this user can read"
        }
    }

    /// Walks up to the nearest folder that exists and tries to create a file in it: permission bits
    /// alone say nothing for root or for read-only and virtual file systems.
    private static func folderProblem(_ folder: String) -> String? {
        var current = folder.isEmpty ? "/" : folder
        var isFolder: ObjCBool = false
        while !FileManager.default.fileExists(atPath: current, isDirectory: &isFolder) {
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { return "and no folder above it exists" }
            current = parent
        }
        guard isFolder.boolValue else { return "but \(current) is a file, not a folder" }
        // One name per check: loads on several threads of one process must not collide on O_EXCL.
        let probe = current + "/.ringback-write-check-\(getpid())-\(UUID().uuidString)"
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { return "but this user cannot create files in \(current)" }
        close(fd)
        unlink(probe)
        return nil
    }
}
