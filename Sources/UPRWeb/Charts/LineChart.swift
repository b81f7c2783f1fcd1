/// A line chart as server-rendered SVG: no script, no external assets, readable by screen readers (`role="img"`,
/// `<title>` and `<desc>` referenced by `aria-labelledby`), each point with its own `<title>` and its value in
/// `data-value`. Pure: the same input gives the same bytes, so pages and tests can compare it. The page shows the
/// same data as a table beside it.
public struct LineChart: Sendable {
    public struct Point: Sendable, Equatable {
        /// Position on the time axis (a day number).
        public var x: Double
        public var y: Double
        /// What a point's tooltip and the screen reader say, e.g. "2019-12-31: 12.5".
        public var label: String

        public init(x: Double, y: Double, label: String) {
            self.x = x
            self.y = y
            self.label = label
        }
    }

    public enum Style: String, Sendable { case solid, dashed }

    public struct Series: Sendable {
        public var name: String
        public var points: [Point]
        public var style: Style
        /// A CSS class (`chart-series-<kind>`) for pages that restyle it.
        public var kind: String
        /// The line's colour, written into the SVG so that it also reads on its own (a download, a report).
        public var color: String

        public init(name: String, points: [Point], style: Style = .solid, kind: String, color: String = "#1d5fa8") {
            self.name = name
            self.points = points
            self.style = style
            self.kind = kind
            self.color = color
        }
    }

    /// Unique on the page: the `id`s of the title and description derive from it.
    public var id: String
    public var title: String
    public var summary: String
    public var series: [Series]
    /// Labels of the time axis at given positions (e.g. years).
    public var xTicks: [(x: Double, label: String)]
    public var width = 640.0
    public var height = 300.0

    public init(id: String, title: String, summary: String, series: [Series], xTicks: [(x: Double, label: String)]) {
        self.id = id
        self.title = title
        self.summary = summary
        self.series = series
        self.xTicks = xTicks
    }

    static let margin = (left: 56.0, right: 16.0, top: 16.0, bottom: 40.0)

    func svg() -> SafeHTML {
        let points = series.flatMap(\.points)
        let xs = points.map(\.x)
        let ys = points.map(\.y)
        let minX = xs.min() ?? 0
        let maxX = max(xs.max() ?? 1, minX + 1)
        let ticks = Self.niceTicks(low: min(0, ys.min() ?? 0), high: max(ys.max() ?? 1, 1e-9))
        let minY = ticks.first ?? 0
        let maxY = max(ticks.last ?? 1, minY + 1e-9)
        let m = Self.margin
        let plotWidth = width - m.left - m.right
        let plotHeight = height - m.top - m.bottom
        func px(_ x: Double) -> Double { m.left + (x - minX) / (maxX - minX) * plotWidth }
        func py(_ y: Double) -> Double { m.top + (1 - (y - minY) / (maxY - minY)) * plotHeight }

        var out = SafeHTML.Builder(capacity: 4_000)
        out.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(Self.f(width)) \(Self.f(height))\" aria-labelledby=\"\(id)-title \(id)-desc\">"
        )
        out.append("<title id=\"\(id)-title\">")
        out.text(title)
        out.append("</title><desc id=\"\(id)-desc\">")
        out.text(summary)
        out.raw("</desc>")
        out.raw("<g class=\"chart-grid\" stroke=\"#d0d0d0\" fill=\"#333\" font-size=\"12\">")
        for tick in ticks {
            let y = Self.f(py(tick))
            out.append("<line x1=\"\(Self.f(m.left))\" y1=\"\(y)\" x2=\"\(Self.f(width - m.right))\" y2=\"\(y)\"/>")
            out.append(
                "<text x=\"\(Self.f(m.left - 6))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\" stroke=\"none\">\(Self.f(tick))</text>"
            )
        }
        for tick in xTicks where tick.x >= minX && tick.x <= maxX {
            let x = Self.f(px(tick.x))
            out.append("<line x1=\"\(x)\" y1=\"\(Self.f(m.top))\" x2=\"\(x)\" y2=\"\(Self.f(height - m.bottom))\"/>")
            out.append(
                "<text x=\"\(x)\" y=\"\(Self.f(height - m.bottom + 18))\" text-anchor=\"middle\" stroke=\"none\">")
            out.text(tick.label)
            out.raw("</text>")
        }
        out.raw("</g>")
        for line in series where !line.points.isEmpty {
            out.raw("<g class=\"chart-series chart-series-")
            out.text(line.kind)
            out.raw("\" stroke=\"")
            out.text(line.color)
            out.raw("\" fill=\"")
            out.text(line.color)
            out.raw("\"><polyline fill=\"none\" stroke-width=\"2.5\"")
            if line.style == .dashed { out.raw(" stroke-dasharray=\"6 4\"") }
            out.raw(" points=\"")
            out.text(line.points.map { Self.f(px($0.x)) + "," + Self.f(py($0.y)) }.joined(separator: " "))
            out.raw("\"/>")
            for point in line.points {
                out.append(
                    "<circle cx=\"\(Self.f(px(point.x)))\" cy=\"\(Self.f(py(point.y)))\" r=\"4\" data-value=\"\(Self.f(point.y))\"><title>"
                )
                out.text(line.name + " – " + point.label)
                out.raw("</title></circle>")
            }
            out.raw("</g>")
        }
        out.raw("</svg>")
        return out.html
    }

    /// Five or so round values covering `low...high` (steps of 1, 2 or 5 times a power of ten).
    static func niceTicks(low: Double, high: Double) -> [Double] {
        let span = max(high - low, 1e-9)
        let raw = span / 5
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        let start = (low / step).rounded(.down) * step
        var ticks: [Double] = []
        var value = start
        while value < high + step * 0.999 && ticks.count < 12 {
            ticks.append(value)
            value += step
        }
        return ticks
    }

    /// A coordinate or value with at most two decimals and no trailing zeros: stable text, small files.
    static func f(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text = String(text[..<text.index(dot, offsetBy: 3)])
        }
        return text
    }
}
