import Foundation

/// Reads a whole file into one byte array with read(2): going through `Data` costs a second copy,
/// which doubles peak memory on a 200 MB export.
public enum FileBytes {
    public static func contents(of path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw Self.lastPOSIXError() }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Self.lastPOSIXError() }
        var bytes: [UInt8] = []
        let expected = Int(status.st_size)
        if expected > 0 {
            var failure: POSIXError?
            bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
                var filled = 0
                while filled < expected {
                    let got = read(descriptor, buffer.baseAddress! + filled, expected - filled)
                    if got < 0 {
                        if errno == EINTR { continue }
                        failure = Self.lastPOSIXError()
                        break
                    }
                    if got == 0 { break }
                    filled += got
                }
                initialized = filled
            }
            if let failure { throw failure }
        }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw Self.lastPOSIXError()
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[0..<got])
        }
        return bytes
    }

    static func lastPOSIXError() -> POSIXError {
        POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
    }
}
