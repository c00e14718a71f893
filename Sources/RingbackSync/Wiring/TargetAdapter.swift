import RingbackCore

/// A target built from the config: the sheet the office reads, or a calendar the crew reads.
package enum TargetAdapter: Sendable {
    case sheet(any SheetTarget)
    case calendar(any CalendarTarget)
}

/// What building a target may need beyond its own section: the Google clients, built once for all
/// Google targets, and the lists the config reads from the sheet's tabs.
package struct AdapterContext: Sendable {
    package var google: @Sendable () throws -> GoogleServices
    package var listTabs: [ListKind: String]
    package var config: RingbackConfig
}

/// One target of the config, loaded and checked, built into its adapter when a run starts.
package struct ConfiguredTarget: Sendable {
    /// The config's `type:`.
    package var type: String
    /// Names the target in plans and in the state store.
    package var label: String
    package var isSheet: Bool
    /// Needs the `google:` settings.
    package var usesGoogle: Bool
    let build: @Sendable (AdapterContext) throws -> TargetAdapter
    /// Asks the target's server whether the account and the address work (`ringback validate`); nil
    /// for targets with nothing to ask.
    var probe: (@Sendable () throws -> String)?

    package func adapter(_ context: AdapterContext) throws -> TargetAdapter { try build(context) }

    /// What the server said of the account, or nil when this target has no server to ask.
    package func check() throws -> String? { try probe?() }
}
