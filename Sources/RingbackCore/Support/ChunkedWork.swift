/// How the core's heavy stages (lead building, evaluation) run their independent chunks. The core itself
/// runs them one after another; the application layer passes a runner that uses every core.
public protocol ChunkedWork: Sendable {
    /// How many chunks a large job is worth splitting into.
    var width: Int { get }
    /// `(0..<count).map(work)`, possibly concurrently; results in chunk order.
    func map<Result: Sendable>(count: Int, _ work: @Sendable (Int) -> Result) -> [Result]
}

/// Chunks run in order on the calling thread.
public struct SerialWork: ChunkedWork {
    public init() {}
    public var width: Int { 1 }
    public func map<Result: Sendable>(count: Int, _ work: @Sendable (Int) -> Result) -> [Result] {
        (0..<count).map(work)
    }
}
