/// Charts drawn on the server as SVG (no script, no library): bars for a series, with each
/// value in a `<title>` (read by screen readers and shown on hover) and the whole chart
/// described by its `aria-label`; a table beside each chart carries the same numbers.
enum SVGChart {
    struct Point {
        var label: String
        var value: Int
        /// How the value is written ("$45.000", "12").
        var text: String
    }

    /// Vertical bars, one per point, labels under every few bars.
    static func columns(_ points: [Point], description: String, width: Int = 720, height: Int = 220) -> HTML {
        guard !points.isEmpty else { return "<p>Sin datos en el periodo.</p>" }
        let top = max(points.map(\.value).max() ?? 1, 1)
        let left = 8
        let bottom = 28
        let plot = height - bottom - 8
        let step = max((width - left * 2) / points.count, 1)
        let barWidth = max(step - 3, 1)
        let labelEvery = max(1, points.count / 8)
        var parts: [HTML] = []
        for (index, point) in points.enumerated() {
            let barHeight = point.value * plot / top
            let x = left + index * step
            parts.append(
                """
                <rect x="\(x)" y="\(8 + plot - barHeight)" width="\(barWidth)" height="\(max(barHeight, 1))" fill="#0b4f8a">\
                <title>\(point.label): \(point.text)</title></rect>
                """)
            if index % labelEvery == 0 {
                parts.append(
                    "<text x=\"\(x)\" y=\"\(height - 10)\" font-size=\"11\" fill=\"#1b1f24\">\(point.label)</text>")
            }
        }
        return """
            <svg class="grafico" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(description)" \
            preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">\
            <line x1="\(left)" y1="\(8 + plot)" x2="\(width - left)" y2="\(8 + plot)" stroke="#4a5260"/>\(parts)</svg>
            """
    }

    /// Horizontal bars with their label and value written beside each.
    static func bars(_ points: [Point], description: String, width: Int = 720) -> HTML {
        guard !points.isEmpty else { return "<p>Sin datos en el periodo.</p>" }
        let rowHeight = 26
        let height = points.count * rowHeight + 8
        let labelWidth = 260
        let valueWidth = 110
        let plot = width - labelWidth - valueWidth - 16
        let top = max(points.map(\.value).max() ?? 1, 1)
        var parts: [HTML] = []
        for (index, point) in points.enumerated() {
            let y = 4 + index * rowHeight
            let barWidth = max(point.value * plot / top, 1)
            let label = point.label.count > 36 ? String(point.label.prefix(35)) + "…" : point.label
            parts.append(
                """
                <text x="0" y="\(y + 17)" font-size="13" fill="#1b1f24">\(label)</text>\
                <rect x="\(labelWidth)" y="\(y + 4)" width="\(barWidth)" height="\(rowHeight - 8)" fill="#1d6b2c">\
                <title>\(point.label): \(point.text)</title></rect>\
                <text x="\(labelWidth + barWidth + 6)" y="\(y + 17)" font-size="13" fill="#1b1f24">\(point.text)</text>
                """)
        }
        return """
            <svg class="grafico" viewBox="0 0 \(width) \(height)" role="img" aria-label="\(description)" \
            xmlns="http://www.w3.org/2000/svg">\(parts)</svg>
            """
    }
}
