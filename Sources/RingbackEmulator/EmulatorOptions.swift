/// How an emulator starts: its faults and the seed that makes fault choices and generated ids repeatable.
public struct EmulatorOptions: Sendable {
    public var faults = FaultOptions()
    public var seed: UInt64 = 1
    public init() {}
}

/// The misbehaviour Ringback must survive against Google: slow answers, quota refusals, lost connections.
public struct FaultOptions: Sendable, Equatable {
    /// Seconds added before every API response, without blocking the event loop.
    public var latency: Double = 0
    /// Probability that a request (and, inside a Calendar batch, each part) fails.
    public var rate: Double = 0
    public var kinds: [FaultKind] = FaultKind.allCases
    /// How long a stalled response hangs before its connection is closed.
    public var stallSeconds: Double = 30
    public init() {}
}

/// The failures Google produces that Ringback has to tell apart.
public enum FaultKind: String, CaseIterable, Sendable {
    case tooManyRequests, unavailable, droppedConnection, stalledResponse
}
