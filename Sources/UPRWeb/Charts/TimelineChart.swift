import Foundation

/// The road from a review to the next as inline SVG: the review, the assessment rounds and meetings on the way,
/// the mid-term report, the next review, and today. Accessible like every chart (title, description); the page
/// lists the same dates.
struct TimelineChart {
    struct Event {
        var date: Date
        var label: String
        /// `milestone` events (review, mid-term report, next review) stand above the line, others below.
        var milestone: Bool
    }

    var id: String
    var title: String
    var description: String
    var events: [Event]
    var today: Date
    var todayLabel: String
    var dateLabel: (Date) -> String

    static let width = 720
    static let height = 170

    var svg: SafeHTML {
        let dates = events.map(\.date) + [today]
        guard let first = dates.min(), let last = dates.max() else { return .empty }
        let span = max(last.timeIntervalSince(first), 86_400)
        let left = 20.0
        let right = Double(Self.width) - 20
        func x(_ date: Date) -> Double { left + (right - left) * date.timeIntervalSince(first) / span }
        let axis = 85
        var out = SafeHTML.Builder(capacity: 2_048 + events.count * 200)
        out.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Self.width) \(Self.height)\" "
        )
        out.append("aria-labelledby=\"\(id)-title \(id)-desc\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
        out.append("<title id=\"\(id)-title\">")
        out.text(title)
        out.append("</title><desc id=\"\(id)-desc\">")
        out.text(description)
        out.raw("</desc>")
        out.append(
            "<line x1=\"\(Int(left))\" y1=\"\(axis)\" x2=\"\(Int(right))\" y2=\"\(axis)\" stroke=\"#505a5f\" stroke-width=\"3\"/>"
        )
        let sorted = events.sorted { $0.date < $1.date }
        var above = 0
        var below = 0
        for event in sorted {
            let position = StackedBarChart.format(x(event.date))
            // Labels alternate between two heights on each side so that neighbours do not overlap.
            let level = event.milestone ? above : below
            if event.milestone { above += 1 } else { below += 1 }
            let labelY = event.milestone ? axis - 22 - (level % 2) * 30 : axis + 34 + (level % 2) * 30
            let anchor = x(event.date) < 120 ? "start" : (x(event.date) > Double(Self.width) - 120 ? "end" : "middle")
            out.append(
                "<circle cx=\"\(position)\" cy=\"\(axis)\" r=\"\(event.milestone ? 8 : 5)\" fill=\"\(event.milestone ? "#1d70b8" : "#505a5f")\"><title>"
            )
            out.text(event.label + ", " + dateLabel(event.date))
            out.raw("</title></circle>")
            out.append(
                "<text x=\"\(position)\" y=\"\(labelY)\" text-anchor=\"\(anchor)\" class=\"chart-label\" aria-hidden=\"true\">"
            )
            out.text(event.label)
            out.append(
                "</text><text x=\"\(position)\" y=\"\(labelY + 14)\" text-anchor=\"\(anchor)\" class=\"chart-note\" aria-hidden=\"true\">"
            )
            out.text(dateLabel(event.date))
            out.raw("</text>")
        }
        let now = StackedBarChart.format(x(today))
        out.append(
            "<line x1=\"\(now)\" y1=\"16\" x2=\"\(now)\" y2=\"\(axis + 14)\" stroke=\"#d4351c\" stroke-width=\"3\"/>"
        )
        out.append("<text x=\"\(now)\" y=\"12\" text-anchor=\"middle\" class=\"chart-today\">")
        out.text(todayLabel)
        out.raw("</text></svg>")
        return out.html
    }
}
