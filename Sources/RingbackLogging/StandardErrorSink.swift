#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error, where cron mails what a run said. Each line goes out in one `write(2)` loop under
/// a process-wide lock, so log lines and progress lines from many tasks never mix.
package struct StandardErrorSink: LogSink {
    /// One lock for every sink on a descriptor of this process: sinks are values, the stream is not.
    private static let lock = LockedValue(())
    private let fileDescriptor: Int32

    package init() {
        self.init(fileDescriptor: STDERR_FILENO)
    }

    /// Any open descriptor; tests point it at a file.
    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    package func write(line: String) {
        let bytes = Array((line + "\n").utf8)
        Self.lock.withLock { _ in writeAll(bytes) }
    }

    /// Retries partial writes and interrupted calls; gives up silently on other errors (nowhere left to report them).
    private func writeAll(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

#if canImport(Darwin)
private let systemWrite = Darwin.write
#elseif canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Musl)
private let systemWrite = Musl.write
#endif
