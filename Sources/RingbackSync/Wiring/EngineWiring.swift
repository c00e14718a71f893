import Foundation
import RingbackCore
import RingbackGoogle
import RingbackMapping
import RingbackNormalisation
import RingbackOffline
import RingbackParallel
import RingbackSources

extension SyncEngine {
    /// The engine for a loaded config: its sources and targets built through `TargetRegistry`, the
    /// Google clients built once for every Google target (or handed in by a test), the core's heavy
    /// stages run on every core.
    package init(
        config: RingbackConfig, store: any StateStoring, progress: (@Sendable (String) -> Void)? = nil,
        google: GoogleServices? = nil
    ) throws {
        let connection = GoogleOnce(settings: config.google, given: google, progress: progress)
        let context = AdapterContext(google: { try connection.services() }, listTabs: config.listTabs, config: config)
        var sheet: (any SheetTarget)?
        var calendars: [any CalendarTarget] = []
        for target in config.targets {
            switch try target.adapter(context) {
            case .sheet(let built): sheet = built
            case .calendar(let built): calendars.append(built)
            }
        }
        self.init(
            sources: Self.sources(config, progress: progress), sheet: sheet, calendars: calendars, store: store,
            planner: RunPlanner(rules: config.rules, phones: config.phones, work: ParallelWork()),
            rejectsPath: config.rejectsPath, progress: progress)
        statusPath = config.statusPath
        crewCalendars = try Self.crewCalendars(config, google: connection)
        bookingSources = config.bookingSources.map { FieldServiceBookingSource(settings: $0, progress: progress) }
    }

    /// An ICS source per crew with a file; one Google source for every crew with a Google calendar.
    private static func crewCalendars(_ config: RingbackConfig, google: GoogleOnce) throws -> [any CrewCalendarSource] {
        guard let booking = config.booking else { return [] }
        var sources: [any CrewCalendarSource] = []
        var googleCalendars: [(crew: String, id: String)] = []
        for (crew, source) in booking.calendars {
            switch source {
            case .ics(let path): sources.append(ICSCrewCalendar(crew: crew, path: path, floating: config.rules.hours.zone))
            case .google(let id): googleCalendars.append((crew, id))
            }
        }
        if !googleCalendars.isEmpty {
            guard let client = try google.services().calendar as? CalendarRESTClient else {
                throw SyncError.io("google", "crew calendars on Google need the Calendar REST client")
            }
            sources.append(GoogleCrewCalendars(session: client.session, root: client.root, calendars: googleCalendars))
        }
        return sources
    }

    private static func sources(_ config: RingbackConfig, progress: (@Sendable (String) -> Void)?) -> [any CallSource] {
        func context(_ name: String, _ zone: LocalZone) -> MappingContext {
            MappingContext(sourceName: name, phones: config.phones, zone: zone, ownNumbers: config.rules.ownNumbers)
        }
        let files: [any CallSource] = config.sources.map {
            FileCallSource(
                settings: $0, catalogue: config.mappings, context: context($0.name, $0.zone), base: config.base,
                progress: progress)
        }
        let apis: [any CallSource] = config.apiSources.map {
            APICallSource(settings: $0, context: context($0.name, $0.zone), progress: progress)
        }
        return files + apis
    }
}

/// The Google clients, connected on first use and shared by every Google target of the run.
final class GoogleOnce: @unchecked Sendable {
    private let lock = NSLock()
    private let settings: GoogleSettings?
    private let progress: (@Sendable (String) -> Void)?
    private var built: GoogleServices?

    init(settings: GoogleSettings?, given: GoogleServices?, progress: (@Sendable (String) -> Void)?) {
        self.settings = settings
        self.progress = progress
        built = given
    }

    func services() throws -> GoogleServices {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        guard let settings else { throw SyncError.io("google", "a Google target needs the `google:` settings") }
        let services = try GoogleConnection.services(settings, progress: progress)
        built = services
        return services
    }
}
