/// Turns a record into one line of output (no newline). A new `--log-format` is one more encoder.
package protocol LogLineEncoder: Sendable {
    func line(for record: LogRecord) -> String
}
