/// A horizontal 100% stacked bar chart as inline SVG: one bar per group, one segment per series, each bar's total
/// beside it. Accessible: `role="img"` named by its `<title>` and described by its `<desc>`; every segment has a
/// `<title>` with its label and number; the page shows the same numbers as a table.
struct StackedBarChart {
    struct Series {
        var key: String
        var label: String
        /// Fill colour; the text on it is white or black for contrast.
        var color: String
        var darkText: Bool
    }
    struct Bar {
        var label: String
        /// Counts in `series` order.
        var values: [Int]
        /// Written after the bar instead of its total.
        var note: String? = nil
    }

    var id: String
    var title: String
    var description: String
    var series: [Series]
    var bars: [Bar]
    var totalLabel: (Int) -> String
    var number: (Int) -> String
    /// Room after the bars for the total or the note.
    var totalWidth = 70

    static let width = 720
    static let labelWidth = 230
    static let rowHeight = 30
    static let barHeight = 20

    var svg: SafeHTML {
        let plot = Self.width - Self.labelWidth - totalWidth
        let legendHeight = 28
        let height = legendHeight + max(bars.count, 1) * Self.rowHeight + 8
        var out = SafeHTML.Builder(capacity: 2_048 + bars.count * series.count * 160)
        out.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Self.width) \(height)\" "
        )
        out.append("aria-labelledby=\"\(id)-title \(id)-desc\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
        out.append("<title id=\"\(id)-title\">")
        out.text(title)
        out.append("</title><desc id=\"\(id)-desc\">")
        out.text(description)
        out.raw("</desc>")
        // The legend, in series order, on one line.
        var x = 0
        for item in series {
            out.append("<rect x=\"\(x)\" y=\"4\" width=\"14\" height=\"14\" fill=\"\(item.color)\"/>")
            out.append("<text x=\"\(x + 20)\" y=\"16\" class=\"chart-legend\">")
            out.text(item.label)
            out.raw("</text>")
            x += 28 + item.label.count * 7
        }
        for (row, bar) in bars.enumerated() {
            let y = legendHeight + row * Self.rowHeight
            let total = bar.values.reduce(0, +)
            out.append("<g class=\"chart-row\"><text x=\"0\" y=\"\(y + 15)\" class=\"chart-label\">")
            out.text(Self.fit(bar.label, width: Self.labelWidth - 10))
            out.raw("</text>")
            var offset = 0.0
            for (index, value) in bar.values.enumerated() where value > 0 && index < series.count {
                let width = total > 0 ? Double(plot) * Double(value) / Double(total) : 0
                let left = Double(Self.labelWidth) + offset
                out.append(
                    "<rect x=\"\(Self.format(left))\" y=\"\(y)\" width=\"\(Self.format(width))\" height=\"\(Self.barHeight)\" fill=\"\(series[index].color)\">"
                )
                out.raw("<title>")
                out.text(bar.label + ": " + series[index].label + " " + number(value))
                out.raw("</title></rect>")
                if width >= 26 {
                    let fill = series[index].darkText ? "#0b0c0c" : "#ffffff"
                    out.append(
                        "<text x=\"\(Self.format(left + width / 2))\" y=\"\(y + 15)\" text-anchor=\"middle\" fill=\"\(fill)\" class=\"chart-value\" aria-hidden=\"true\">"
                    )
                    out.text(number(value))
                    out.raw("</text>")
                }
                offset += width
            }
            out.append("<text x=\"\(Self.width - totalWidth + 8)\" y=\"\(y + 15)\" class=\"chart-total\">")
            out.text(bar.note ?? totalLabel(total))
            out.raw("</text></g>")
        }
        out.raw("</svg>")
        return out.html
    }

    /// One decimal is enough for a pixel, and keeps the markup short.
    static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(tenths / 10)
    }

    /// Shortens a label that would run into the bars (about 7 units a character at the chart's font size).
    static func fit(_ label: String, width: Int) -> String {
        let room = width / 7
        return label.count <= room ? label : String(label.prefix(max(room - 1, 1))) + "…"
    }
}
