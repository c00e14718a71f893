import Foundation
import Logging

/// The swift-log handler behind both formats: it keeps swift-log's value semantics (level and metadata
/// per logger), resolves each event to a `LogRecord` and hands one encoded line to the sink.
package struct LineLogHandler<Encoder: LogLineEncoder>: LogHandler {
    package let label: String
    package var logLevel: Logger.Level
    package var metadata: Logger.Metadata = [:]
    package var metadataProvider: Logger.MetadataProvider?
    private let encoder: Encoder
    private let sink: any LogSink
    private let clock: LogClock

    package init(
        label: String, encoder: Encoder, sink: any LogSink, logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil, clock: @escaping LogClock = { Date() }
    ) {
        self.label = label
        self.encoder = encoder
        self.sink = sink
        self.logLevel = logLevel
        self.metadataProvider = metadataProvider
        self.clock = clock
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        let record = LogRecord(event: event, label: label, time: clock(), handlerMetadata: metadata, provider: metadataProvider)
        sink.write(line: encoder.line(for: record))
    }
}
