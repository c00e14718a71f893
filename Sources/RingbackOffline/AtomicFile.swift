import Foundation

/// Replaces a file in one step (write a temporary file beside it, flush, rename), so a reader or a
/// killed run never sees half a file.
package enum AtomicFile {
    package static func write(_ bytes: [UInt8], to path: String) throws(OfflineTargetError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OfflineTargetError(path: path, message: "cannot create folder \(directory): \(error.localizedDescription)")
        }
        let temporary = directory + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw OfflineTargetError(path: path, message: "cannot write \(temporary): \(String(cString: strerror(errno)))") }
        var written = 0
        let failure: String? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 { return String(cString: strerror(errno)) }
                written += n
            }
            return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
        }
        close(fd)
        if let failure {
            unlink(temporary)
            throw OfflineTargetError(path: path, message: "cannot write: \(failure)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw OfflineTargetError(path: path, message: "cannot replace the file: \(reason)")
        }
    }

    /// The file's bytes, or nil when it does not exist.
    package static func read(_ path: String) throws(OfflineTargetError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OfflineTargetError(path: path, message: "cannot read the file (permissions?)")
        }
        return [UInt8](data)
    }
}
