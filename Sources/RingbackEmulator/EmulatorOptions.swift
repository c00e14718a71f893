/// How an emulator starts: its faults and the seed that makes fault choices and generated ids repeatable.
package struct EmulatorOptions: Sendable {
    package var faults = FaultOptions()
    package var seed: UInt64 = 1
    package init() {}
}

/// The misbehaviour Ringback must survive against Google: slow answers, quota refusals, lost connections.
package struct FaultOptions: Sendable, Equatable {
    /// Seconds added before every API response, without blocking the event loop.
    package var latency: Double = 0
    /// Probability that a request (and, inside a Calendar batch, each part) fails.
    package var rate: Double = 0
    package var kinds: [FaultKind] = FaultKind.allCases
    /// How long a stalled response hangs before its connection is closed.
    package var stallSeconds: Double = 30
    package init() {}
}

/// The failures Google produces that Ringback has to tell apart.
package enum FaultKind: String, CaseIterable, Sendable {
    case tooManyRequests, unavailable, droppedConnection, stalledResponse
}
