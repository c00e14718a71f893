/// The commented starter `ringback.yaml` that `init` writes: what it learnt from the sample, and
/// plain defaults for the rest, each saying what to check.
struct StarterConfig {
    var business: String
    var zone: String
    var zoneNote: String
    var ownNumbers: [(number: String, calls: Int)]
    var inboundCalls: Int
    var zips: [String]
    var mapping: String
    var sourceFiles: String
    var mappingsDir: String

    var text: String {
        var lines = [
            "# Starter configuration written by `ringback init` from one sample export. Check every line",
            "# marked CHECK, then `ringback validate` and `ringback sync --dry-run`. README.md explains each section.",
            "business:",
            "  name: \(quoted(business))",
            "  time_zone: \(zone)    # CHECK: \(zoneNote)",
            "  default_country: US",
        ]
        if ownNumbers.isEmpty {
            lines.append("  own_numbers: []    # CHECK: the export does not say which lines are yours; list them (calls from them are not leads)")
        } else {
            lines.append("  own_numbers:    # CHECK: the numbers most inbound calls of the sample were made to")
            for own in ownNumbers { lines.append("    - \(quoted(own.number))    # \(own.calls) of \(inboundCalls) inbound calls") }
        }
        if !zips.isEmpty { lines.append("  service_area_zips: [\(zips.joined(separator: ", "))]") }
        lines += [
            "hours:    # CHECK: when the office answers; due-by times count these hours",
            "  monday: \"08:00-17:00\"",
            "  tuesday: \"08:00-17:00\"",
            "  wednesday: \"08:00-17:00\"",
            "  thursday: \"08:00-17:00\"",
            "  friday: \"08:00-17:00\"",
            "  saturday: closed",
            "  sunday: closed",
            "routing:    # who calls back each kind of caller, and how soon",
        ]
        for (category, owner, minutes, action) in Self.routing {
            lines += ["  \(category):", "    owner: \(owner)", "    sla_minutes: \(minutes)"]
            if category == "Emergency request" { lines += ["    around_the_clock: true"] }
            lines.append("    next_action: \(quoted(action))")
        }
        lines += [
            "sources:",
            "  - name: phone",
            "    mapping: \(mapping)    # recognised from the sample",
            "    files: \(quoted(sourceFiles))    # CHECK: where the exports are saved",
            "mappings_dir: \(quoted(mappingsDir))",
            "targets:",
            "  - type: csv_sheet    # open it in Excel or LibreOffice",
            "    path: out/missed-calls.csv",
            "  - type: ics_calendar",
            "    path: out/callbacks.ics",
            "state: out/ringback-state.sqlite",
            "rejects: out/rejects.csv",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    static let routing: [(String, String, Int, String)] = [
        ("New lead", "Office manager", 60, "Call back: capture scope, address, urgency and preferred appointment time"),
        ("Existing customer", "Dispatcher", 60, "Pull job context, confirm the issue, route to the assigned owner"),
        ("Active job problem", "Dispatcher", 30, "Capture job ID or address and notify the team handling the job"),
        ("Emergency request", "Dispatcher", 15, "Collect safe basics and escalate per the on-call rule"),
        ("Vendor, spam, or wrong number", "Admin", 1440, "Close, tag, or route away from the booking queue"),
        ("Complex quote", "Estimator", 240, "Capture details, photos, access notes and decision timeline"),
    ]

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
