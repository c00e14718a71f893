import RingbackCodecs
import RingbackCore

/// Calls are made line-safe (`LineSafeText`) as they are pulled, so the sheet and calendar are planned
/// with the same text the writers write: a caller name with U+2028 would otherwise come back from the
/// sheet with a space and be taken for an office edit of the cell.
extension SourcePull {
    func lineSafe() -> SourcePull {
        guard calls.contains(where: { !$0.isLineSafe }) else { return self }
        var copy = self
        copy.calls = calls.map { $0.isLineSafe ? $0 : $0.lineSafe() }
        return copy
    }
}

extension Call {
    private var texts: [String?] { [callerName, transcript, recordingURL, trackingSource, customer.rawText] }

    var isLineSafe: Bool { texts.allSatisfy { $0.map(LineSafeText.isClean) ?? true } }

    func lineSafe() -> Call {
        var copy = self
        copy.callerName = callerName.map(LineSafeText.clean)
        copy.transcript = transcript.map(LineSafeText.clean)
        copy.recordingURL = recordingURL.map(LineSafeText.clean)
        copy.trackingSource = trackingSource.map(LineSafeText.clean)
        if case .unusable(let raw, let reason) = customer {
            copy.customer = .unusable(raw: LineSafeText.clean(raw), reason: LineSafeText.clean(reason))
        }
        return copy
    }
}

private extension Party {
    var rawText: String? {
        if case .unusable(let raw, let reason) = self { return raw + reason }
        return nil
    }
}
