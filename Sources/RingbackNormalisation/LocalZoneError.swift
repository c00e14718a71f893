/// Thrown when a zone identifier is not a known IANA time zone.
public struct LocalZoneError: Error, Hashable, Sendable, CustomStringConvertible {
    public let identifier: String
    public var description: String {
        "unknown time zone \"\(identifier)\"; use an IANA identifier such as \"America/Chicago\" or \"Europe/London\""
    }
}
