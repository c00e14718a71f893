import RingbackCalDAV
import RingbackCore
import RingbackGoogle
import RingbackOffline
import RingbackXLSX
import RingbackYAML

/// Maps a config `type:` to the adapter that serves it. Adding a target is one module with its section
/// loader, and one line here.
package enum TargetRegistry {
    /// Reads one target section into a configured target (`base` is the config's folder).
    package typealias Loader = @Sendable (_ item: YAMLValue, _ base: String) throws -> ConfiguredTarget

    package static let kinds: [(type: String, load: Loader)] = [
        ("csv_sheet", csvSheet),
        ("xlsx_sheet", xlsxSheet),
        ("ics_calendar", icsCalendar),
        ("google_sheet", googleSheet),
        ("google_calendar", googleCalendar),
        ("caldav_calendar", caldavCalendar),
    ]

    package static func loader(for type: String) -> Loader? { kinds.first { $0.type == type }?.load }

    static let csvSheet: Loader = { item, base in
        let target = try CSVSheetTarget.load(item, base: base)
        return ConfiguredTarget(type: "csv_sheet", label: target.label, isSheet: true, usesGoogle: false) { context in
            var sheet = target
            sheet.nationalPhones = context.config.phones.callingCode == 1
            return .sheet(sheet)
        }
    }

    static let xlsxSheet: Loader = { item, base in
        let target = try XLSXSheetTarget.load(item, base: base)
        return ConfiguredTarget(type: "xlsx_sheet", label: target.label, isSheet: true, usesGoogle: false) { _ in .sheet(target) }
    }

    static let icsCalendar: Loader = { item, base in
        let loaded = try ICSCalendarTarget.load(item, base: base)
        return ConfiguredTarget(type: "ics_calendar", label: loaded.label, isSheet: false, usesGoogle: false) { context in
            var target = loaded
            target.zone = context.config.rules.hours.zone
            return .calendar(target)
        }
    }

    static let googleSheet: Loader = { item, _ in
        let section = try GoogleSheetSection.load(item)
        return ConfiguredTarget(type: "google_sheet", label: section.label, isSheet: true, usesGoogle: true) { context in
            .sheet(
                GoogleSheetTarget(
                    service: try context.google().sheets, spreadsheetID: section.spreadsheetID, tab: section.tab,
                    listTabs: context.listTabs))
        }
    }

    static let googleCalendar: Loader = { item, _ in
        let routing = try CalendarRouting.load(item)
        return ConfiguredTarget(type: "google_calendar", label: "google-calendar:\(routing.defaultCalendar)", isSheet: false, usesGoogle: true) {
            context in
            .calendar(GoogleCalendarTarget(service: try context.google().calendar, routing: routing, zone: context.config.rules.hours.zone))
        }
    }

    static let caldavCalendar: Loader = { item, base in
        let settings = try CalDAVSettings.load(item, base: base)
        var target = ConfiguredTarget(type: "caldav_calendar", label: settings.label, isSheet: false, usesGoogle: false) { context in
            .calendar(CalDAVCalendarTarget(settings: settings, zone: context.config.rules.hours.zone))
        }
        target.probe = { try CalDAVCalendarTarget(settings: settings, zone: .utc).check() }
        return target
    }
}
