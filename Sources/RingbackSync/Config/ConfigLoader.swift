import Foundation
import RingbackCodecs
import RingbackCore
import RingbackGoogle
import RingbackMapping
import RingbackNormalisation
import RingbackYAML

/// Reads `ringback.yaml`, the mappings and lists it names, and checks all of it before any run.
/// Paths in the file are relative to the file's folder, so cron can run from anywhere.
public enum ConfigLoader {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// `environment` supplies the credentials API sources name (the process's environment by default).
    public static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> RingbackConfig {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigError.file(path, "cannot read the configuration file (does it exist?)")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            return try load(text: LenientText.decode([UInt8](data)), file: path, base: base, environment: environment)
        } catch let error as YAMLFileError {
            throw .yaml(error)
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError.file(path, "\(error)")
        }
    }

    static func load(text: String, file: String, base: String, environment: [String: String] = [:]) throws -> RingbackConfig {
        let root = try YAMLValue.parse(text, file: file)
        try root.allowOnly(["business", "hours", "follow_up", "routing", "keywords", "services", "lists", "sources",
                            "targets", "state", "rejects", "mappings_dir", "google"])
        var warnings: [String] = []

        let business = try root.required("business")
        try business.allowOnly(["name", "time_zone", "default_country", "own_numbers", "internal_extensions", "service_area_zips"])
        let zoneNode = try business.required("time_zone")
        let zone = try self.zone(zoneNode)
        let countryNode = try business.optional("default_country")
        let country = try countryNode?.string() ?? "US"
        let phones: PhoneNormaliser
        do {
            phones = try PhoneNormaliser(defaultCountry: country)
        } catch {
            throw (countryNode ?? business).error("unknown country `\(country)`; expected an ISO code like US, CA, GB, AU")
        }
        var own = Set<String>()
        for item in try business.optional("own_numbers")?.items() ?? [] {
            guard case .number(let e164, _) = phones.normalise(try item.string()) else {
                throw item.error("`\(try item.string())` is not a phone number Ringback can read")
            }
            own.insert(e164)
        }
        let extensions = Set(try business.optional("internal_extensions")?.strings() ?? [])
        var zips = Set<String>()
        for item in try business.optional("service_area_zips")?.items() ?? [] {
            let zip = try item.string().trimmingCharacters(in: .whitespaces)
            guard !zip.isEmpty else { throw item.error("empty ZIP code") }
            zips.insert(zip)
        }

        let hours = try self.hours(try root.required("hours"), zone: zone)

        var window: TimeInterval = 72 * 3600
        var repeatCalls = 3
        var callbackMinutes = 15
        var jobMinutes = 120
        if let followUp = try root.optional("follow_up") {
            try followUp.allowOnly(["window_hours", "repeat_calls_for_same_day", "callback_minutes", "default_job_minutes"])
            window = TimeInterval(try followUp.optional("window_hours")?.int(min: 1, max: 24 * 90) ?? 72) * 3600
            repeatCalls = try followUp.optional("repeat_calls_for_same_day")?.int(min: 1) ?? 3
            callbackMinutes = try followUp.optional("callback_minutes")?.int(min: 1, max: 480) ?? 15
            jobMinutes = try followUp.optional("default_job_minutes")?.int(min: 5, max: 24 * 60) ?? 120
        }

        let routingNode = try root.required("routing")
        var routes: [CallerType: Route] = [:]
        for (key, value) in try routingNode.entries() {
            guard let type = CallerType.allCases.first(where: { $0.rawValue.lowercased() == key.lowercased() }) else {
                throw value.error("unknown caller type; expected one of: \(CallerType.allCases.map(\.rawValue).joined(separator: "; "))")
            }
            try value.allowOnly(["owner", "after_hours_owner", "sla_minutes", "around_the_clock", "next_action"])
            routes[type] = Route(
                owner: try value.required("owner").string(),
                afterHoursOwner: try value.optional("after_hours_owner")?.string(),
                slaMinutes: try value.required("sla_minutes").int(min: 1, max: 60 * 24 * 14),
                aroundTheClock: try value.optional("around_the_clock")?.bool() ?? false,
                nextAction: try value.optional("next_action")?.string() ?? "Call back")
        }
        for type in CallerType.allCases where routes[type] == nil {
            throw routingNode.error("no route for `\(type.rawValue)`; every caller type needs an owner and an SLA")
        }

        var keywords: [String: [String]] = [:]
        if let node = try root.optional("keywords") {
            try node.allowOnly(["emergency", "same_day", "complex_quote", "wrong_number"])
            for (key, value) in try node.entries() { keywords[key] = try value.strings() }
        }

        var services: [ServiceRule] = []
        for item in try root.optional("services")?.items() ?? [] {
            try item.allowOnly(["name", "trade", "keywords", "job_minutes"])
            services.append(ServiceRule(
                name: try item.required("name").string(), trade: try item.required("trade").string(),
                keywords: try item.required("keywords").strings(),
                jobMinutes: try item.optional("job_minutes")?.int(min: 5, max: 24 * 60) ?? jobMinutes))
        }

        var lists = ContactLists()
        var listTabs: [ListKind: String] = [:]
        var listTabNodes: [YAMLValue] = []
        if let node = try root.optional("lists") {
            try node.allowOnly(["customers", "active_jobs", "vendors", "spam"])
            for (key, value) in try node.entries() {
                let kind = ListKind(rawValue: key)!
                if value.isMapping {
                    try value.allowOnly(["tab"])
                    listTabs[kind] = try value.required("tab").string()
                    listTabNodes.append(value)
                    continue
                }
                let path = resolve(try value.string(), base: base)
                lists = lists.replacing(kind, with: try ContactListLoader.load(path: path, phones: phones, node: value, warnings: &warnings))
            }
        }

        let mappingsDir = resolve(try root.optional("mappings_dir")?.string() ?? "mappings", base: base)
        let mappings = try MappingCatalog.load(directory: mappingsDir)

        var sources: [RingbackConfig.FileSource] = []
        var apiSources: [RingbackConfig.APISource] = []
        let sourcesNode = try root.required("sources")
        for item in try sourcesNode.items() {
            try item.allowOnly(["name", "files", "api", "mapping", "time_zone"])
            let name = try item.required("name").string()
            if sources.contains(where: { $0.name == name }) || apiSources.contains(where: { $0.name == name }) {
                throw item.error("source name `\(name)` is used twice")
            }
            var mapping: MappingSpec?
            let mappingNode = try item.optional("mapping")
            if let mappingNode {
                let wanted = try mappingNode.string()
                guard let found = mappings.first(where: { $0.name == wanted }) else {
                    throw mappingNode.error("no mapping `\(wanted)` in \(mappingsDir); found: \(mappings.map(\.name).sorted().joined(separator: ", "))")
                }
                mapping = found
            }
            if let apiNode = try item.entries().first(where: { $0.key == "api" })?.value {
                if try item.optional("files") != nil { throw item.error("a source has either `files:` or `api:`, not both") }
                apiSources.append(try APISourceLoader.load(
                    apiNode, name: name, mapping: mapping, mappingNode: mappingNode,
                    zone: try item.optional("time_zone").map(self.zone) ?? zone, environment: environment))
                continue
            }
            sources.append(.init(
                name: name, patterns: try item.required("files").strings().map { resolve($0, base: base) },
                mapping: mapping, zone: try item.optional("time_zone").map(self.zone) ?? zone))
        }

        var targets: [ConfiguredTarget] = []
        for item in try root.required("targets").items() {
            let typeNode = try item.required("type")
            guard let load = TargetRegistry.loader(for: try typeNode.string()) else {
                throw typeNode.error("expected \(TargetRegistry.kinds.map(\.type).joined(separator: ", "))")
            }
            targets.append(try load(item, base))
        }
        if targets.filter(\.isSheet).count > 1 {
            throw root.error("only one sheet target (csv_sheet or google_sheet) is supported")
        }
        if let first = listTabNodes.first, !targets.contains(where: { $0.type == "google_sheet" }) {
            throw first.error("a list read from a tab needs a google_sheet target (the tab is in its spreadsheet)")
        }
        var google: GoogleSettings?
        if targets.contains(where: \.usesGoogle) {
            google = try GoogleSettingsLoader.load(try root.optional("google"), base: base, environment: environment, warnings: &warnings)
        } else if let node = try root.optional("google") {
            warnings.append("\(file):\(node.line ?? 0): `google:` is set but no target is a Google one; it is not used")
        }

        let rules = BusinessRules(
            businessName: try business.required("name").string(), hours: hours, ownNumbers: own, internalExtensions: extensions,
            serviceAreaZIPs: zips, routes: routes, followUpWindow: window, services: services,
            emergencyKeywords: keywords["emergency"] ?? [], sameDayKeywords: keywords["same_day"] ?? [],
            complexQuoteKeywords: keywords["complex_quote"] ?? [], wrongNumberKeywords: keywords["wrong_number"] ?? [],
            repeatCallsForSameDay: repeatCalls, lists: lists, callbackMinutes: callbackMinutes, defaultJobMinutes: jobMinutes)

        return RingbackConfig(
            file: file, rules: rules, defaultCountry: country, phones: phones, sources: sources, apiSources: apiSources, targets: targets,
            statePath: resolve(try root.optional("state")?.string() ?? "ringback-state.sqlite", base: base),
            rejectsPath: resolve(try root.optional("rejects")?.string() ?? "ringback-rejects.csv", base: base),
            mappings: mappings, warnings: warnings, google: google, listTabs: listTabs)
    }

    static func resolve(_ path: String, base: String) -> String { ConfigPath.resolve(path, base: base) }

    private static func zone(_ node: YAMLValue) throws -> LocalZone {
        let id = try node.string()
        do {
            return try LocalZone(identifier: id)
        } catch {
            throw node.error("unknown time zone `\(id)`; expected an IANA name like America/Chicago")
        }
    }

    private static func hours(_ node: YAMLValue, zone: LocalZone) throws -> BusinessHours {
        try node.allowOnly(Set(weekdays))
        var spans: [Int: BusinessHours.Span] = [:]
        for (key, value) in try node.entries() {
            let weekday = weekdays.firstIndex(of: key)! + 1
            let text = try value.string().trimmingCharacters(in: .whitespaces)
            if text.lowercased() == "closed" { continue }
            let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let open = minutes(parts[0]), let close = minutes(parts[1]), open < close else {
                throw value.error("expected opening hours like \"07:00-18:00\" or closed")
            }
            spans[weekday] = .init(open: open, close: close)
        }
        return BusinessHours(zone: zone, spans: spans)
    }

    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }
}
