/// Where finished log lines go. A handler hands over one whole line per call, so a sink that
/// writes each call at once under a lock never interleaves two records.
package protocol LogSink: Sendable {
    /// Writes one record; `line` has no trailing newline, the sink ends the line itself.
    func write(line: String)
}
