import RingbackCore

/// A target built from the config: the sheet the office reads, or a calendar the crew reads.
public enum TargetAdapter: Sendable {
    case sheet(any SheetTarget)
    case calendar(any CalendarTarget)
}

/// What building a target may need beyond its own section: the Google clients, built once for all
/// Google targets, and the lists the config reads from the sheet's tabs.
public struct AdapterContext: Sendable {
    public var google: @Sendable () throws -> GoogleServices
    public var listTabs: [ListKind: String]
    public var config: RingbackConfig
}

/// One target of the config, loaded and checked, built into its adapter when a run starts.
public struct ConfiguredTarget: Sendable {
    /// The config's `type:`.
    public var type: String
    /// Names the target in plans and in the state store.
    public var label: String
    public var isSheet: Bool
    /// Needs the `google:` settings.
    public var usesGoogle: Bool
    let build: @Sendable (AdapterContext) throws -> TargetAdapter

    public func adapter(_ context: AdapterContext) throws -> TargetAdapter { try build(context) }
}
