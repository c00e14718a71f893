import Foundation
import Logging

/// One JSON object per line (`JSONLineEncoder`), for `--log-format json`.
package typealias JSONLinesLogHandler = LineLogHandler<JSONLineEncoder>

extension LineLogHandler where Encoder == JSONLineEncoder {
    package init(
        label: String, sink: any LogSink, logLevel: Logger.Level = .info,
        metadataProvider: Logger.MetadataProvider? = nil, clock: @escaping LogClock = { Date() }
    ) {
        self.init(
            label: label, encoder: JSONLineEncoder(), sink: sink, logLevel: logLevel,
            metadataProvider: metadataProvider, clock: clock)
    }
}
