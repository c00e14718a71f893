import Foundation
import Logging

/// Plain text lines (`TextLineEncoder`), the default `--log-format`.
package typealias TextLogHandler = LineLogHandler<TextLineEncoder>

extension LineLogHandler where Encoder == TextLineEncoder {
    package init(
        label: String, sink: any LogSink, logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil, clock: @escaping LogClock = { Date() }
    ) {
        self.init(
            label: label, encoder: TextLineEncoder(), sink: sink, logLevel: logLevel,
            metadataProvider: metadataProvider, clock: clock)
    }
}
