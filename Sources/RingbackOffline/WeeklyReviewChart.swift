import RingbackCore

/// One measure's eight-week trend as an inline SVG bar chart; the reported week's bar is the dark one.
package enum WeeklyReviewChart {
    static let width = 280
    static let height = 150
    private static let top = 34
    private static let bottom = 24

    package static func svg(_ measure: ReviewMeasure, weeks: [WeekFigures]) -> String {
        let values = weeks.map { measure.value($0) }
        let highest = measure.kind == .share ? 1 : max(values.compactMap { $0 }.max() ?? 0, 1)
        let slot = Double(width - 20) / Double(max(weeks.count, 1))
        let plot = Double(height - top - bottom)
        var parts: [String] = []
        for (index, value) in values.enumerated() {
            let x = 10 + Double(index) * slot
            let label = WeeklyReviewHTML.escape(String(weeks[index].week.label.suffix(5)))
            parts.append("<text x=\"\(f(x + slot / 2))\" y=\"\(height - 8)\" font-size=\"9\" text-anchor=\"middle\" fill=\"#52606d\">\(label)</text>")
            guard let value else { continue }
            let bar = max(plot * value / highest, value > 0 ? 1 : 0)
            let y = Double(height - bottom) - bar
            let fill = index == values.count - 1 ? "#1f6feb" : "#9fb3c8"
            parts.append(
                "<rect x=\"\(f(x + 3))\" y=\"\(f(y))\" width=\"\(f(slot - 6))\" height=\"\(f(bar))\" fill=\"\(fill)\">"
                    + "<title>\(WeeklyReviewHTML.escape("\(weeks[index].week.label): \(measure.text(value))"))</title></rect>")
            parts.append(
                "<text x=\"\(f(x + slot / 2))\" y=\"\(f(y - 3))\" font-size=\"9\" text-anchor=\"middle\" fill=\"#1f2933\">\(WeeklyReviewHTML.escape(measure.text(value)))</text>"
            )
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" data-measure="\(measure.rawValue)" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(WeeklyReviewHTML.escape(measure.title)), last \(weeks.count) weeks">
            <text x="10" y="18" font-size="12" font-weight="600" fill="#1f2933">\(WeeklyReviewHTML.escape(measure.title))</text>
            <line x1="10" y1="\(height - bottom)" x2="\(width - 10)" y2="\(height - bottom)" stroke="#cbd2d9"/>
            \(parts.joined(separator: "\n"))
            </svg>
            """
    }

    private static func f(_ value: Double) -> String { String(Double(Int((value * 10).rounded())) / 10) }
}
