/// Why an offline target file could not be read or written; names the file.
package struct OfflineTargetError: Error, CustomStringConvertible, Sendable {
    package var path: String
    package var message: String

    package init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    package var description: String { "\(path): \(message)" }
}
