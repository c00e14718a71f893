/// A crew (or one technician) with a calendar of its own and the trades it books.
public struct Crew: Sendable, Hashable {
    public var name: String
    /// Trades as the services name them (Plumbing, HVAC…); empty takes any trade.
    public var trades: Set<String>

    public init(name: String, trades: Set<String> = []) {
        self.name = name
        self.trades = trades
    }

    public func books(trade: String?) -> Bool {
        trades.isEmpty || trade.map { wanted in trades.contains { $0.lowercased() == wanted.lowercased() } } ?? false
    }
}
