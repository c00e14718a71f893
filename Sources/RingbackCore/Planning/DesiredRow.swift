/// A row as Ringback wants it, before office pins are applied.
public struct DesiredRow: Sendable, Hashable {
    public var leadID: String
    public var cells: [String: String]

    public init(leadID: String, cells: [String: String]) {
        self.leadID = leadID
        self.cells = cells
    }
}
