import Foundation
import RingbackCodecs
import RingbackCore
import RingbackGoogle
import RingbackMapping
import RingbackNormalisation
import RingbackSources
import RingbackYAML

/// Reads `ringback.yaml`, the mappings and lists it names, and checks all of it before any run.
/// Paths in the file are relative to the file's folder, so cron can run from anywhere.
package enum ConfigLoader {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// `environment` supplies the credentials API sources name (the process's environment by default).
    package static func load(path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigError) -> RingbackConfig
    {
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
        try root.allowOnly([
            "business", "hours", "follow_up", "routing", "keywords", "services", "lists", "sources",
            "targets", "state", "rejects", "status", "mappings_dir", "google", "review", "booking", "scripts",
        ])
        var warnings: [String] = []
        let business = try self.business(try root.required("business"))
        let hours = try self.hours(try root.required("hours"), zone: business.zone)
        let followUp = try self.followUp(try root.optional("follow_up"))
        let routes = try self.routes(try root.required("routing"))
        let keywords = try self.keywords(try root.optional("keywords"))
        let services = try self.services(
            try root.optional("services"), defaultJobMinutes: followUp.jobMinutes, concepts: Set(keywords.concepts.keys))
        let lists = try self.lists(try root.optional("lists"), base: base, phones: business.phones, warnings: &warnings)
        let booking = try BookingLoader.load(try root.optional("booking"), hours: hours, base: base, warnings: &warnings)
        let scripts = try ScriptsLoader.load(try root.optional("scripts"))

        let (mappingsDir, mappingsNode) = try self.mappingsDir(root, base: base)
        let mappings = try MappingCatalog.load(directory: mappingsDir, node: mappingsNode)
        let sources = try self.sources(
            try root.required("sources"), mappings: mappings, mappingsDir: mappingsDir,
            zone: business.zone, base: base, environment: environment)
        let targets = try self.targets(root, listTabNodes: lists.tabNodes, base: base)
        var google: GoogleSettings?
        if targets.contains(where: \.usesGoogle) || booking?.usesGoogle == true {
            google = try GoogleSettingsLoader.load(try root.optional("google"), base: base, environment: environment, warnings: &warnings)
        } else if let node = try root.optional("google") {
            warnings.append("\(file):\(node.line ?? 0): `google:` is set but no target or crew calendar is a Google one; it is not used")
        }

        var rules = BusinessRules(
            businessName: business.name, hours: hours, ownNumbers: business.own, internalExtensions: business.extensions,
            serviceAreaZIPs: business.zips, routes: routes, followUpWindow: followUp.window, services: services,
            sameDayKeywords: keywords.lists["same_day"] ?? [],
            complexQuoteKeywords: keywords.lists["complex_quote"] ?? [], wrongNumberKeywords: keywords.lists["wrong_number"] ?? [],
            repeatCallsForSameDay: followUp.repeatCalls, lists: lists.lists, callbackMinutes: followUp.callbackMinutes,
            defaultJobMinutes: followUp.jobMinutes, safetyIssues: keywords.safety, text: keywords.text(),
            followUpPolicy: followUp.policy)
        rules.archiveAfterDays = followUp.archiveAfterDays
        rules.booking = booking?.rules
        rules.scripts = scripts

        let statePath = try writableFile(root, "state", default: "ringback-state.sqlite", base: base)
        return RingbackConfig(
            file: file, rules: rules, defaultCountry: business.country, phones: business.phones, sources: sources.files,
            apiSources: sources.apis, bookingSources: sources.bookings, targets: targets,
            statePath: statePath,
            rejectsPath: try writableFile(root, "rejects", default: "ringback-rejects.csv", base: base),
            statusPath: try writableFile(root, "status", default: "ringback-status.csv", base: base),
            mappings: mappings, warnings: warnings, google: google, listTabs: lists.tabs,
            review: try ReviewSettings.load(try root.optional("review"), base: base, statePath: statePath), booking: booking)
    }

    /// The `business:` block.
    private struct Business {
        var name: String
        var zone: LocalZone
        var country: String
        var phones: PhoneNormaliser
        var own: Set<String>
        var extensions: Set<String>
        var zips: Set<String>
    }

    private static func business(_ node: YAMLValue) throws -> Business {
        try node.allowOnly(["name", "time_zone", "default_country", "own_numbers", "internal_extensions", "service_area_zips"])
        let name = try node.required("name").text(expected: "the business's name, shown in the calendar")
        let zone = try self.zone(try node.required("time_zone"))
        let countryNode = try node.optional("default_country")
        let country = try countryNode?.string().trimmingCharacters(in: .whitespaces).uppercased() ?? "US"
        let phones: PhoneNormaliser
        do {
            phones = try PhoneNormaliser(defaultCountry: country)
        } catch {
            throw (countryNode ?? node).error(
                "found `\(country)`; expected a country code Ringback reads numbers for: \(PhoneNormaliser.supportedCountries.sorted().joined(separator: ", "))"
            )
        }
        var own = Set<String>()
        for item in try node.optional("own_numbers")?.items() ?? [] {
            guard case .number(let e164, _) = phones.normalise(try item.string()) else {
                throw item.error("found `\(try item.string())`; expected a phone number like +1 512 555 0100")
            }
            own.insert(e164)
        }
        var extensions = Set<String>()
        for item in try node.optional("internal_extensions")?.itemsOrSingle() ?? [] {
            extensions.insert(try item.text(expected: "an extension number like 101"))
        }
        return Business(
            name: name, zone: zone, country: country, phones: phones, own: own, extensions: extensions,
            zips: try serviceArea(try node.optional("service_area_zips"), country: country))
    }

    /// `service_area_zips:` in the postal format of `default_country`, kept in its written form.
    private static func serviceArea(_ node: YAMLValue?, country: String) throws -> Set<String> {
        let format = PostalCodeFormat.forCountry(country)
        var zips = Set<String>()
        for item in try node?.items() ?? [] {
            let text = try item.string()
            guard let zip = format.normalised(text) else {
                let found = text.trimmingCharacters(in: .whitespaces).isEmpty ? "an empty value" : "`\(text)`"
                throw item.error("found \(found); expected \(format.description) (default_country is \(country))")
            }
            zips.insert(zip)
        }
        return zips
    }

    /// The `follow_up:` block, with its defaults.
    private struct FollowUp {
        var window: TimeInterval = 72 * 3600
        var repeatCalls = 3
        var callbackMinutes = 15
        var jobMinutes = 120
        var policy = FollowUpPolicy()
        var archiveAfterDays: Int?
    }

    private static func followUp(_ node: YAMLValue?) throws -> FollowUp {
        var followUp = FollowUp()
        guard let node else { return followUp }
        try node.allowOnly([
            "window_hours", "repeat_calls_for_same_day", "callback_minutes", "default_job_minutes", "attempts_before_close",
            "escalate_after_hours", "archive_after_days",
        ])
        followUp.window = TimeInterval(try node.optional("window_hours")?.int(min: 1, max: 24 * 90) ?? 72) * 3600
        followUp.repeatCalls = try node.optional("repeat_calls_for_same_day")?.int(min: 1) ?? 3
        followUp.callbackMinutes = try node.optional("callback_minutes")?.int(min: 1, max: 480) ?? 15
        followUp.jobMinutes = try node.optional("default_job_minutes")?.int(min: 5, max: 24 * 60) ?? 120
        followUp.policy.attemptsBeforeClose = try node.optional("attempts_before_close")?.int(min: 0, max: 20) ?? 2
        followUp.policy.escalateAfter = TimeInterval(try node.optional("escalate_after_hours")?.int(min: 1, max: 24 * 30) ?? 24) * 3600
        followUp.archiveAfterDays = try node.optional("archive_after_days")?.int(min: 1, max: 3650)
        return followUp
    }

    /// The `routing:` block: an owner and an SLA for every caller type.
    private static func routes(_ node: YAMLValue) throws -> [CallerType: Route] {
        var routes: [CallerType: Route] = [:]
        for (key, value) in try node.entries() {
            guard let type = CallerType.allCases.first(where: { $0.rawValue.lowercased() == key.lowercased() }) else {
                throw value.error("unknown caller type; expected one of: \(CallerType.allCases.map(\.rawValue).joined(separator: "; "))")
            }
            try value.allowOnly(["owner", "after_hours_owner", "sla_minutes", "around_the_clock", "next_action"])
            routes[type] = Route(
                owner: try value.required("owner").text(expected: "who calls these leads back, e.g. Dispatcher"),
                afterHoursOwner: try value.optional("after_hours_owner")?.text(expected: "who calls back out of hours, e.g. On-call tech"),
                slaMinutes: try value.required("sla_minutes").int(min: 1, max: 60 * 24 * 14),
                aroundTheClock: try value.optional("around_the_clock")?.bool() ?? false,
                nextAction: try value.optional("next_action")?.text(expected: "what to do first, e.g. Call back") ?? "Call back")
        }
        for type in CallerType.allCases where routes[type] == nil {
            throw node.error("no route for `\(type.rawValue)`; every caller type needs an owner and an SLA")
        }
        return routes
    }

    /// The `keywords:` block: word lists by purpose, safety words grouped by issue, cancelling phrases
    /// and sound-alikes. Every phrase must have a word the rules can match.
    struct Keywords {
        var lists: [String: [String]] = [:]
        var safety: [SafetyIssue] = []
        var soundAlikes: [String: String] = [:]
        var concepts: [String: [String]] = [:]

        func text() -> TextRules {
            TextRules(
                vendor: lists["vendor"] ?? [], spam: lists["spam"] ?? [], existingCustomer: lists["existing_customer"] ?? [],
                activeJob: lists["active_job"] ?? [], ambiguous: lists["staff_review"] ?? [], cancel: lists["cancel"] ?? [],
                resolved: lists["resolved"] ?? [],
                soundAlikes: soundAlikes, installing: lists["installing"] ?? [], routine: lists["routine"] ?? [],
                asksForHelp: lists["asks_for_help"] ?? [], concepts: concepts)
        }
    }

    static let keywordLists = [
        "same_day", "complex_quote", "wrong_number", "vendor", "spam", "existing_customer", "active_job",
        "staff_review", "resolved", "cancel", "installing", "routine", "asks_for_help",
    ]

    private static func keywords(_ node: YAMLValue?) throws -> Keywords {
        var keywords = Keywords()
        guard let node else { return keywords }
        try node.allowOnly(Set(keywordLists + ["emergency", "sound_alikes", "concepts"]))
        let entries = try node.entries()
        if let (_, value) = entries.first(where: { $0.key == "concepts" }) { keywords.concepts = try concepts(value) }
        let known = Set(keywords.concepts.keys)
        for (key, value) in entries {
            switch key {
            case "concepts": continue
            case "emergency": keywords.safety = try safetyIssues(value, concepts: known)
            case "sound_alikes":
                guard value.isMapping else { throw value.error("expected heard: meant pairs, like `leek: leak`") }
                for (heard, meant) in try value.entries() {
                    let meantText = try meant.string()
                    guard Phrase(heard).isUsable, Phrase(meantText).isUsable else { throw meant.error("a sound-alike needs words on both sides") }
                    keywords.soundAlikes[heard] = meantText
                }
            default: keywords.lists[key] = try phrases(value, concepts: known)
            }
        }
        return keywords
    }

    /// `concepts:` named groups of words (`water: [water, agua, leak]`), used as `$water` in phrases.
    private static func concepts(_ node: YAMLValue) throws -> [String: [String]] {
        guard node.isMapping else { throw node.error("expected named groups of words, like `water: [water, agua]`") }
        var groups: [String: [String]] = [:]
        for (name, value) in try node.entries() {
            let words = try phrases(value)
            guard !words.isEmpty else { throw value.error("the concept `\(name)` has no words") }
            if let bad = try value.items().first(where: { (try? $0.string())?.contains(where: { "+|$".contains($0) }) ?? false }) {
                throw bad.error("a concept's words are plain phrases, without `+`, `|` or `$`")
            }
            groups[name] = words
        }
        return groups
    }

    /// Safety words: a list (each word its own issue) or issues by name, each with its words.
    private static func safetyIssues(_ node: YAMLValue, concepts: Set<String>) throws -> [SafetyIssue] {
        guard node.isMapping else { return try phrases(node, concepts: concepts).map { SafetyIssue(name: $0, keywords: [$0]) } }
        return try node.entries().map { entry in
            let words = try phrases(entry.value, concepts: concepts)
            guard !words.isEmpty else { throw entry.value.error("the safety issue `\(entry.key)` has no words") }
            return SafetyIssue(name: entry.key, keywords: words)
        }
    }

    private static func phrases(_ node: YAMLValue, concepts: Set<String> = []) throws -> [String] {
        let items = try node.items()
        return try items.map { item in
            let text = try item.string()
            if let unknown = Concepts.references(in: text).first(where: { !concepts.contains($0) }) {
                throw item.error("`\(text)` uses $\(unknown), which is not one of the concepts (\(concepts.sorted().joined(separator: ", ")))")
            }
            guard Phrase(text).isUsable else { throw item.error("`\(text)` has no word to match") }
            return text
        }
    }

    private static func services(_ node: YAMLValue?, defaultJobMinutes: Int, concepts: Set<String>) throws -> [ServiceRule] {
        try (node?.items() ?? []).map { item in
            try item.allowOnly(["name", "trade", "keywords", "job_minutes"])
            let keywordsNode = try item.required("keywords")
            let keywords = try phrases(keywordsNode, concepts: concepts)
            guard !keywords.isEmpty else { throw keywordsNode.error("a service needs at least one keyword") }
            return ServiceRule(
                name: try item.required("name").text(expected: "the service's name, e.g. Leak repair"),
                trade: try item.required("trade").text(expected: "the trade, e.g. Plumbing"),
                keywords: keywords,
                jobMinutes: try item.optional("job_minutes")?.int(min: 5, max: 24 * 60) ?? defaultJobMinutes)
        }
    }

    /// The `lists:` block: each list from a CSV file, or from a tab of the Google Sheet (read each run).
    private static func lists(
        _ node: YAMLValue?, base: String, phones: PhoneNormaliser, warnings: inout [String]
    )
        throws -> (lists: ContactLists, tabs: [ListKind: String], tabNodes: [YAMLValue])
    {
        var lists = ContactLists()
        var tabs: [ListKind: String] = [:]
        var tabNodes: [YAMLValue] = []
        guard let node else { return (lists, tabs, tabNodes) }
        try node.allowOnly(Set(ListKind.allCases.map(\.rawValue)))
        for (key, value) in try node.entries() {
            let kind = ListKind(rawValue: key)!
            if value.isMapping {
                try value.allowOnly(["tab"])
                tabs[kind] = try value.required("tab").text(expected: "the name of the tab that holds the list")
                tabNodes.append(value)
                continue
            }
            let path = try ConfigPathCheck.check(value, base: base, need: .readableFile)
            lists = lists.replacing(kind, with: try ContactListLoader.load(path: path, phones: phones, node: value, warnings: &warnings))
        }
        return (lists, tabs, tabNodes)
    }

    /// The `sources:` block: export files (`files:`) or a phone system's API (`api:`), and the
    /// field-service tools jobs are booked in (`kind: bookings`); names unique across both kinds.
    private static func sources(
        _ node: YAMLValue, mappings: [MappingSpec], mappingsDir: String, zone: LocalZone, base: String,
        environment: [String: String]
    ) throws -> (files: [RingbackConfig.FileSource], apis: [RingbackConfig.APISource], bookings: [BookingSourceSettings]) {
        var files: [RingbackConfig.FileSource] = []
        var apis: [RingbackConfig.APISource] = []
        var bookings: [BookingSourceSettings] = []
        var names = Set<String>()
        for item in try node.items() {
            let name = try item.required("name").text(expected: "a name for the source, e.g. office-pbx")
            guard names.insert(name).inserted else { throw item.error("source name `\(name)` is used twice") }
            let kindNode = try item.optional("kind")
            switch try kindNode?.string() ?? "calls" {
            case "calls": break
            case "bookings":
                bookings.append(try BookingSourceLoader.load(item, name: name, base: base, environment: environment))
                continue
            default: throw kindNode!.error("expected calls (the default) or bookings")
            }
            try item.allowOnly(["name", "kind", "files", "api", "mapping", "time_zone", "allow_empty", "stale_after_hours"])
            let mappingNode = try item.optional("mapping")
            let mapping = try mappingNode.map { try self.mapping($0, among: mappings, directory: mappingsDir) }
            let sourceZone = try item.optional("time_zone").map(self.zone) ?? zone
            if let apiNode = try item.entries().first(where: { $0.key == "api" })?.value {
                if try item.optional("files") != nil { throw item.error("a source has either `files:` or `api:`, not both") }
                if let allowEmpty = try item.optional("allow_empty") {
                    throw allowEmpty.error(
                        "`allow_empty` is for `files:` sources; an API source is reported when it brings no new call for `stale_after_hours`")
                }
                var api = try APISourceLoader.load(
                    apiNode, name: name, mapping: mapping, mappingNode: mappingNode, zone: sourceZone, environment: environment)
                api.staleAfterHours =
                    try item.optional("stale_after_hours")?.int(min: 0, max: 24 * 365) ?? FileSourceSettings.defaultStaleAfterHours
                apis.append(api)
                continue
            }
            files.append(try FileSourceSettings.load(item, name: name, mapping: mapping, zone: sourceZone, base: base))
        }
        return (files, apis, bookings)
    }

    private static func mapping(_ node: YAMLValue, among mappings: [MappingSpec], directory: String) throws -> MappingSpec {
        let wanted = try node.text(expected: "a mapping's name, e.g. twilio-calls-json")
        guard let found = mappings.first(where: { $0.name == wanted }) else {
            throw node.error("no mapping `\(wanted)` in \(directory); found: \(mappings.map(\.name).sorted().joined(separator: ", "))")
        }
        return found
    }

    /// The `targets:` block, each read by the loader `TargetRegistry` has for its `type:`.
    private static func targets(_ root: YAMLValue, listTabNodes: [YAMLValue], base: String) throws -> [ConfiguredTarget] {
        var targets: [ConfiguredTarget] = []
        for item in try root.required("targets").items() {
            let typeNode = try item.required("type")
            guard let load = TargetRegistry.loader(for: try typeNode.string()) else {
                let types = TargetRegistry.kinds.map(\.type)
                throw typeNode.error("expected \(types.dropLast().joined(separator: ", ")) or \(types.last!)")
            }
            targets.append(try load(item, base))
        }
        if targets.filter(\.isSheet).count > 1 {
            throw root.error("only one sheet target (csv_sheet, xlsx_sheet or google_sheet) is supported")
        }
        if let first = listTabNodes.first, !targets.contains(where: { $0.type == "google_sheet" }) {
            throw first.error("a list read from a tab needs a google_sheet target (the tab is in its spreadsheet)")
        }
        return targets
    }

    static func resolve(_ path: String, base: String) -> String { ConfigPath.resolve(path, base: base) }

    private static func zone(_ node: YAMLValue) throws -> LocalZone { try ZoneSetting.zone(node) }

    /// `mappings_dir:` (default `mappings` beside the file): a folder that exists.
    private static func mappingsDir(_ root: YAMLValue, base: String) throws -> (String, YAMLValue?) {
        if let node = try root.optional("mappings_dir") {
            return (try ConfigPathCheck.check(node, base: base, need: .existingFolder), node)
        }
        let path = resolve("mappings", base: base)
        if let problem = ConfigPathCheck.problem(path, need: .existingFolder) {
            throw root.error(
                atKey: "mappings_dir", "not set, and the default folder \(path) \(problem); expected `mappings_dir:` naming the mappings folder")
        }
        return (path, nil)
    }

    /// `state:`, `rejects:` or `status:`: a file Ringback can create or write, in a folder that is or can be made.
    private static func writableFile(_ root: YAMLValue, _ key: String, default name: String, base: String) throws -> String {
        if let node = try root.optional(key) { return try ConfigPathCheck.check(node, base: base, need: .writableFile) }
        let path = resolve(name, base: base)
        if let problem = ConfigPathCheck.problem(path, need: .writableFile) {
            throw root.error(atKey: key, "not set, and the default \(path) \(problem); expected `\(key):` naming a file Ringback can write")
        }
        return path
    }

    static func hours(_ node: YAMLValue, zone: LocalZone) throws -> BusinessHours {
        try node.allowOnly(Set(weekdays))
        var spans: [Int: BusinessHours.Span] = [:]
        for (key, value) in try node.entries() {
            let weekday = weekdays.firstIndex(of: key)! + 1
            let text = value.isNull ? "" : try value.string().trimmingCharacters(in: .whitespaces)
            if text.lowercased() == "closed" { continue }
            let parts = text.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let open = minutes(parts[0]), let close = minutes(parts[1]), open < close else {
                let found = text.isEmpty ? "no hours" : "`\(text)`"
                throw value.error("found \(found); expected opening hours like \"07:00-18:00\" or closed")
            }
            spans[weekday] = .init(open: open, close: close)
        }
        return BusinessHours(zone: zone, spans: spans)
    }

    private static func minutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0..<60).contains(m), h * 60 + m <= 1440 else {
            return nil
        }
        return h * 60 + m
    }
}
