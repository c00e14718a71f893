/// The business's rules for offering appointments: lengths by type, travel buffer, crews, hours,
/// how far ahead and how soon. Leads are offered windows only when these are configured.
public struct BookingRules: Sendable {
    public var minutes: [AppointmentType: Int]
    /// Free time kept before and after every busy span (travel, prep).
    public var bufferMinutes: Int
    public var crews: [Crew]
    /// Bookable hours; the business hours when not set separately.
    public var hours: BusinessHours
    /// Windows start before the end of this many local days from today.
    public var horizonDays: Int
    /// No window starts sooner than this after the run.
    public var minimumNoticeMinutes: Int
    /// Windows start on this grid of minutes after the opening.
    public var stepMinutes: Int
    /// Appointment type by trade (e.g. Remodeling → estimate); others get `defaultType`.
    public var typeByTrade: [String: AppointmentType]
    public var defaultType: AppointmentType

    public init(
        minutes: [AppointmentType: Int], bufferMinutes: Int = 30, crews: [Crew], hours: BusinessHours, horizonDays: Int = 7,
        minimumNoticeMinutes: Int = 120, stepMinutes: Int = 30, typeByTrade: [String: AppointmentType] = [:],
        defaultType: AppointmentType = .diagnostic
    ) {
        self.minutes = minutes
        self.bufferMinutes = bufferMinutes
        self.crews = crews
        self.hours = hours
        self.horizonDays = horizonDays
        self.minimumNoticeMinutes = minimumNoticeMinutes
        self.stepMinutes = stepMinutes
        self.typeByTrade = typeByTrade
        self.defaultType = defaultType
    }

    public static let defaultMinutes: [AppointmentType: Int] = [
        .estimate: 60, .diagnostic: 90, .maintenance: 60, .emergency: 120, .warranty: 60, .callback: 15,
    ]

    public func type(forTrade trade: String?) -> AppointmentType {
        trade.flatMap { wanted in typeByTrade.first { $0.key.lowercased() == wanted.lowercased() }?.value } ?? defaultType
    }

    public func length(of type: AppointmentType) -> Int { minutes[type] ?? Self.defaultMinutes[type] ?? 60 }
}
