import RingbackCodecs
import RingbackCore

/// The weekly review as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched):
/// the measures this week beside last week with their definitions, a trend chart per measure, the lists.
package enum WeeklyReviewHTML {
    package static func page(_ review: WeeklyReview) -> String {
        let title = "Weekly review — \(escape(review.business)) — week \(escape(review.thisWeek.week.span))"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(title)</title>
            <style>\(style)</style>
            </head>
            <body>
            <h1>\(title)</h1>
            <p class="as-of">Statuses as the sheet showed them at the last sync, \(escape(review.asOf)). A lead belongs to the week of its first missed call.</p>
            \(measuresTable(review))
            <h2>Eight-week trend</h2>
            <div class="charts">
            \(ReviewMeasure.allCases.map { WeeklyReviewChart.svg($0, weeks: review.weeks) }.joined(separator: "\n"))
            </div>
            \(entries("Calls saved (booked)", "Appointment", review.saved))
            \(entries("Calls that stalled (overdue, no attempt)", "Due by · next action", review.stalled))
            \(rules(review.rulesToChange))
            </body>
            </html>

            """
    }

    private static func measuresTable(_ review: WeeklyReview) -> String {
        let rows = ReviewMeasure.allCases.map { measure in
            "<tr id=\"\(measure.rawValue)\"><th scope=\"row\">\(escape(measure.title))</th>"
                + "<td class=\"this\">\(escape(measure.detail(review.thisWeek)))</td>"
                + "<td>\(escape(measure.detail(review.lastWeek)))</td>"
                + "<td class=\"definition\">\(escape(measure.definition(slaMinutes: review.slaMinutes)))</td></tr>"
        }
        return """
            <table class="measures">
            <thead><tr><th>Measure</th><th>This week<br>\(escape(review.thisWeek.week.label))</th><th>Last week<br>\(escape(review.lastWeek.week.label))</th><th>Definition</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
    }

    private static func entries(_ title: String, _ detail: String, _ entries: [WeeklyReview.Entry]) -> String {
        guard !entries.isEmpty else { return "<h2>\(escape(title))</h2>\n<p class=\"none\">None this week.</p>" }
        let rows = entries.map { e in
            "<tr>" + [e.leadID, e.firstCall, e.callerName, e.phone, e.callerType, e.owner, e.detail].map { "<td>\(escape($0))</td>" }.joined()
                + "</tr>"
        }
        return """
            <h2>\(escape(title))</h2>
            <table class="list">
            <thead><tr><th>Lead ID</th><th>First call</th><th>Caller</th><th>Phone</th><th>Caller type</th><th>Owner</th><th>\(escape(detail))</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
    }

    private static func rules(_ rules: [RuleToChange]) -> String {
        guard !rules.isEmpty else { return "<h2>Rules to change</h2>\n<p class=\"none\">The office corrected no caller type or owner this week.</p>" }
        let rows = rules.map { r in
            "<tr><td>\(escape(r.field.rawValue))</td><td>\(escape(r.from)) → \(escape(r.to))</td><td>\(r.count)</td>"
                + "<td>\(escape(r.keywords.joined(separator: ", ")))</td><td>\(escape(r.leadIDs.joined(separator: " ")))</td></tr>"
        }
        return """
            <h2>Rules to change</h2>
            <table class="list">
            <thead><tr><th>Field</th><th>Ringback → office</th><th>Corrections</th><th>Keywords behind them</th><th>Leads</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            """
    }

    package static func escape(_ text: String) -> String { HTMLText.escape(text) }

    private static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px;color:#1f2933;background:#fff}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}.as-of,.none{color:#52606d;font-size:13px}
        table{border-collapse:collapse;font-size:13px;width:100%;max-width:1200px}
        th,td{border-bottom:1px solid #e4e7eb;padding:6px 8px;text-align:left;vertical-align:top}
        thead th{background:#f5f7fa;font-weight:600}td.this{font-weight:600}td.definition{color:#52606d;max-width:520px}
        .charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{border:1px solid #e4e7eb;border-radius:4px;background:#fff}
        """
}
