/// What happens to one request instead of (or besides) a normal answer.
enum FaultDecision {
    case none
    case respond(HTTPResponseData)
    /// Close the socket without answering; `apply` says whether the request took effect first.
    case drop(apply: Bool)
    /// Hold the connection open, then close it unanswered.
    case stall(apply: Bool, seconds: Double)
}

/// Picks faults with the emulator's seeded generator, so a failing run can be repeated.
extension EmulatorState {
    mutating func chooseFault(calendar: Bool, body: [UInt8] = []) -> FaultDecision {
        if !refusals.isEmpty, case let text = String(decoding: body, as: UTF8.self),
            let index = refusals.firstIndex(where: { !$0.isEmpty && text.contains($0) })
        {
            refusals.remove(at: index)
            return .respond(GoogleError.invalidArgument("refused by the emulator, as asked"))
        }
        guard faults.rate > 0, !faults.kinds.isEmpty, random.unit() < faults.rate else { return .none }
        let kind = faults.kinds[Int(random.next() % UInt64(faults.kinds.count))]
        switch kind {
        case .tooManyRequests: return .respond(calendar ? GoogleError.calendarRateLimited() : GoogleError.sheetsRateLimited())
        case .unavailable: return .respond(calendar ? GoogleError.calendarUnavailable() : GoogleError.sheetsUnavailable())
        case .droppedConnection: return .drop(apply: random.unit() < 0.5)
        case .stalledResponse: return .stall(apply: random.unit() < 0.5, seconds: faults.stallSeconds)
        }
    }

    /// A Calendar batch part fails on its own with 429 or 503 (never applied), with probability `rate`.
    mutating func choosePartFault() -> HTTPResponseData? {
        let kinds = faults.kinds.filter { $0 == .tooManyRequests || $0 == .unavailable }
        guard faults.rate > 0, !kinds.isEmpty, random.unit() < faults.rate else { return nil }
        return kinds[Int(random.next() % UInt64(kinds.count))] == .tooManyRequests
            ? GoogleError.calendarRateLimited() : GoogleError.calendarUnavailable()
    }
}
