import RingbackNormalisation

/// What a mapping needs from the configuration to read a source's files.
public struct MappingContext: Sendable {
    public var sourceName: String
    public var phones: PhoneNormaliser
    /// Zone for exports whose times carry none.
    public var zone: LocalZone
    public var ownNumbers: Set<String>

    public init(sourceName: String, phones: PhoneNormaliser, zone: LocalZone, ownNumbers: Set<String> = []) {
        self.sourceName = sourceName
        self.phones = phones
        self.zone = zone
        self.ownNumbers = ownNumbers
    }
}
