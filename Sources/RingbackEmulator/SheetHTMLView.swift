import Foundation
import RingbackCodecs
import RingbackJSON

/// A read-only page of one tab, for a person looking at what Ringback wrote without a Google account:
/// the cells as the office sees them (formatted values, bold and larger text where the cell's format
/// says so, numbers to the right), and each embedded chart drawn from the cells its series name (a
/// column or line chart) with its spec described beneath. Google's own rendering is not reproduced;
/// nothing here can change the sheet.
enum SheetHTMLView {
    static func page(spreadsheetTitle: String, grid: SheetGrid, values: [[String]]) -> String {
        let used = trimmed(values)
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(grid.title)) - \(escape(spreadsheetTitle))</title>
            <style>
            body { font-family: Arial, Helvetica, sans-serif; font-size: 13px; margin: 16px; color: #202124; }
            h1 { font-size: 18px; font-weight: normal; margin: 0 0 12px; }
            table { border-collapse: collapse; }
            td, th { border: 1px solid #dadce0; padding: 3px 6px; vertical-align: bottom; white-space: pre-wrap; max-width: 420px; }
            th { background: #f8f9fa; color: #5f6368; font-weight: normal; font-size: 11px; }
            td.n { text-align: right; }
            .chart { margin-top: 20px; }
            .spec { color: #5f6368; font-size: 12px; max-width: 720px; }
            </style></head><body>
            <h1>\(escape(spreadsheetTitle)) &middot; <b>\(escape(grid.title))</b></h1>
            <table><tr><th></th>
            """
        let width = used.map(\.count).max() ?? 0
        for column in 0..<width { html += "<th>\(columnLetters(column))</th>" }
        html += "</tr>\n"
        for (r, row) in used.enumerated() {
            html += "<tr><th>\(r + 1)</th>"
            for c in 0..<width {
                let text = c < row.count ? row[c] : ""
                let cell = grid.cell(r, c)
                var style = ""
                if cell.format?["textFormat"]?["bold"]?.bool == true { style += "font-weight:bold;" }
                if let size = cell.format?["textFormat"]?["fontSize"]?.number { style += "font-size:\(Int(size))px;" }
                let numeric: Bool
                if case .number = cell.content { numeric = true } else { numeric = false }
                html += "<td\(numeric ? " class=\"n\"" : "")\(style.isEmpty ? "" : " style=\"\(style)\"")>\(escape(text))</td>"
            }
            html += "</tr>\n"
        }
        html += "</table>\n"
        for chart in grid.decorations.charts {
            html +=
                "<div class=\"chart\">" + svg(chart, grid: grid, values: values) + "<p class=\"spec\">" + escape(describe(chart, values: values))
                + "</p></div>\n"
        }
        return html + "</body></html>\n"
    }

    /// Rows and columns up to the last one holding text.
    static func trimmed(_ values: [[String]]) -> [[String]] {
        var rows = values.map { row -> [String] in
            var row = row
            while row.last?.isEmpty == true { row.removeLast() }
            return row
        }
        while rows.last?.isEmpty == true { rows.removeLast() }
        return rows
    }

    struct Span {
        var rows: Range<Int>
        var columns: Range<Int>
    }

    static func span(_ range: JSONValue?) -> Span? {
        guard let source = range?["sourceRange"]?["sources"]?[0], let r0 = source["startRowIndex"]?.int, let r1 = source["endRowIndex"]?.int,
            let c0 = source["startColumnIndex"]?.int, let c1 = source["endColumnIndex"]?.int, r1 > r0, c1 > c0
        else { return nil }
        return Span(rows: r0..<r1, columns: c0..<c1)
    }

    /// The cells of a one-row or one-column range, in order.
    static func cells(_ span: Span, values: [[String]]) -> [String] {
        func at(_ r: Int, _ c: Int) -> String { r < values.count && c < values[r].count ? values[r][c] : "" }
        if span.rows.count == 1 { return span.columns.map { at(span.rows.lowerBound, $0) } }
        return span.rows.map { at($0, span.columns.lowerBound) }
    }

    /// What the chart's spec says, in words: its type, title, what it plots from where, its place.
    static func describe(_ chart: JSONValue, values: [[String]]) -> String {
        let spec = chart["spec"]
        let basic = spec?["basicChart"]
        var words = "\(basic?["chartType"]?.string ?? "unknown") chart \"\(spec?["title"]?.string ?? "")\""
        if let domain = span(basic?["domains"]?[0]?["domain"]) { words += "; categories from \(name(domain))" }
        let series = basic?["series"]?.array ?? []
        words += "; \(series.count) series: "
        words += series.compactMap { entry -> String? in
            guard let range = span(entry["series"]) else { return nil }
            return "\(label(range, values: values)) (\(name(range)), \(entry["targetAxis"]?.string ?? "LEFT_AXIS"))"
        }.joined(separator: ", ")
        if let legend = basic?["legendPosition"]?.string { words += "; legend \(legend)" }
        if let overlay = chart["position"]?["overlayPosition"], let anchor = overlay["anchorCell"] {
            let cell = "\(columnLetters(anchor["columnIndex"]?.int ?? 0))\((anchor["rowIndex"]?.int ?? 0) + 1)"
            words += "; anchored at \(cell), \(overlay["widthPixels"]?.int ?? 600) x \(overlay["heightPixels"]?.int ?? 371) px"
        }
        return words
    }

    /// A series' name: the text in the first column of its row.
    static func label(_ span: Span, values: [[String]]) -> String {
        let r = span.rows.lowerBound
        return r < values.count && !(values[r].first ?? "").isEmpty ? values[r][0] : name(span)
    }

    static func name(_ span: Span) -> String {
        "\(columnLetters(span.columns.lowerBound))\(span.rows.lowerBound + 1):\(columnLetters(span.columns.upperBound - 1))\(span.rows.upperBound)"
    }

    static let palette = ["#4285f4", "#ea4335", "#fbbc04", "#34a853", "#ff6d01", "#46bdc6"]

    /// The chart drawn from its cells: grouped columns (or lines), a scale on the left, the categories
    /// below, the legend at the bottom.
    static func svg(_ chart: JSONValue, grid: SheetGrid, values: [[String]]) -> String {
        let overlay = chart["position"]?["overlayPosition"]
        let width = Double(overlay?["widthPixels"]?.int ?? 600)
        let height = Double(overlay?["heightPixels"]?.int ?? 371)
        let basic = chart["spec"]?["basicChart"]
        let categories = span(basic?["domains"]?[0]?["domain"]).map { cells($0, values: values) } ?? []
        let series: [(String, [Double])] = (basic?["series"]?.array ?? []).compactMap { entry in
            guard let range = span(entry["series"]) else { return nil }
            return (label(range, values: values), cells(range, values: values).map { Double($0.replacingOccurrences(of: ",", with: "")) ?? 0 })
        }
        let count = max(categories.count, series.map(\.1.count).max() ?? 0)
        let top = 36.0
        let left = 44.0
        let bottom = 64.0
        let plotWidth = width - left - 16
        let plotHeight = height - top - bottom
        let highest = max(series.flatMap(\.1).max() ?? 0, 1)
        let step = niceStep(highest / 4)
        let ceiling = (highest / step).rounded(.up) * step
        func y(_ value: Double) -> Double { top + plotHeight * (1 - value / ceiling) }
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">"
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"#fff\" stroke=\"#dadce0\"/>"
        svg +=
            "<text x=\"\(Int(width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"14\">\(escape(chart["spec"]?["title"]?.string ?? ""))</text>"
        var tick = 0.0
        while tick <= ceiling + step / 2 {
            svg += "<line x1=\"\(left)\" x2=\"\(left + plotWidth)\" y1=\"\(y(tick))\" y2=\"\(y(tick))\" stroke=\"#e8eaed\"/>"
            svg += "<text x=\"\(left - 6)\" y=\"\(y(tick) + 4)\" text-anchor=\"end\" font-size=\"11\" fill=\"#5f6368\">\(format(tick))</text>"
            tick += step
        }
        guard count > 0, !series.isEmpty else { return svg + "</svg>" }
        let slot = plotWidth / Double(count)
        let line = basic?["chartType"]?.string == "LINE"
        let bar = slot * 0.7 / Double(series.count)
        for (index, (_, numbers)) in series.enumerated() {
            let colour = palette[index % palette.count]
            var points: [String] = []
            for (i, value) in numbers.enumerated() {
                if line {
                    points.append("\(left + slot * (Double(i) + 0.5)),\(y(value))")
                } else {
                    let x = left + slot * Double(i) + slot * 0.15 + bar * Double(index)
                    svg +=
                        "<rect x=\"\(x)\" y=\"\(y(value))\" width=\"\(max(bar - 1, 1))\" height=\"\(top + plotHeight - y(value))\" fill=\"\(colour)\"/>"
                }
            }
            if line { svg += "<polyline fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>" }
        }
        for (i, category) in categories.enumerated() {
            svg +=
                "<text x=\"\(left + slot * (Double(i) + 0.5))\" y=\"\(top + plotHeight + 16)\" text-anchor=\"middle\" font-size=\"11\" fill=\"#5f6368\">\(escape(category))</text>"
        }
        var x = left
        for (index, (name, _)) in series.enumerated() {
            svg += "<rect x=\"\(x)\" y=\"\(height - 24)\" width=\"10\" height=\"10\" fill=\"\(palette[index % palette.count])\"/>"
            svg += "<text x=\"\(x + 14)\" y=\"\(height - 15)\" font-size=\"12\">\(escape(name))</text>"
            x += 24 + Double(name.count) * 6.5
        }
        return svg + "</svg>"
    }

    static func niceStep(_ raw: Double) -> Double {
        let magnitude = pow(10, (log10(max(raw, 1e-9))).rounded(.down))
        for factor in [1.0, 2, 5, 10] where raw <= factor * magnitude { return max(factor * magnitude, 1) }
        return max(10 * magnitude, 1)
    }

    static func format(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return letters
    }

    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
