import UPRDomain
import UPRLocalization
import UPRStore

/// An indicator's progress: baseline → accepted measurements → target, as a chart and as the table beside it.
struct IndicatorChart: Encodable {
    struct Row: Encodable {
        var label: String
        var date: String
        var value: String
    }
    /// The SVG, already escaped (`LineChart`).
    var svg: SafeHTML
    var caption: String
    var rows: [Row]

    /// Nil when there is nothing to draw (no baseline, no accepted measurement and no target with dates).
    init?(_ indicator: Indicator, accepted: [MeasurementRecord], _ t: Translator) {
        let f = indicator.fields
        let unit = f.unit.isEmpty ? "" : " " + f.unit
        func value(_ number: Double) -> String { IndicatorFields.number(number) + unit }
        var measured: [LineChart.Point] = []
        var rows: [Row] = []
        if let day = f.baselineDate.flatMap(CalendarDay.init), let baseline = f.baselineValue {
            measured.append(
                LineChart.Point(
                    x: Double(day.dayNumber), y: baseline,
                    label: t("indicator.baseline") + ", " + day.description + ": " + value(baseline)))
            rows.append(Row(label: t("indicator.baseline"), date: day.description, value: value(baseline)))
        }
        for measurement in accepted {
            guard let day = CalendarDay(measurement.date) else { continue }
            measured.append(
                LineChart.Point(
                    x: Double(day.dayNumber), y: measurement.value,
                    label: day.description + ": " + value(measurement.value)))
            rows.append(Row(label: t("indicator.measurement"), date: day.description, value: value(measurement.value)))
        }
        var series = [LineChart.Series(name: t("indicator.chart.measured"), points: measured, kind: "measured")]
        if let day = f.targetDate.flatMap(CalendarDay.init), let target = f.targetValue {
            let targetPoint = LineChart.Point(
                x: Double(day.dayNumber), y: target,
                label: t("indicator.target") + ", " + day.description + ": " + value(target))
            series.append(
                LineChart.Series(
                    name: t("indicator.chart.target"), points: (measured.last.map { [$0] } ?? []) + [targetPoint],
                    style: .dashed, kind: "target", color: "#b35900"))
            rows.append(Row(label: t("indicator.target"), date: day.description, value: value(target)))
        }
        guard !rows.isEmpty else { return nil }
        let days = series.flatMap(\.points).map { Int($0.x) }
        let years = (days.min().map { Self.year($0) } ?? 2000)...(days.max().map { Self.year($0) + 1 } ?? 2001)
        let ticks = years.compactMap { year in
            CalendarDay("\(year)-01-01").map { (x: Double($0.dayNumber), label: String(year)) }
        }
        let title = t("indicator.chart.title", ["title": f.title])
        let chart = LineChart(
            id: "chart-\(indicator.id)", title: title,
            summary: t("indicator.chart.summary", ["count": t.number(accepted.count)]) + " "
                + rows.map { "\($0.label) \($0.date): \($0.value)." }.joined(separator: " "),
            series: series, xTicks: ticks)
        svg = chart.svg()
        caption = title
        self.rows = rows
    }

    /// The calendar year of a day number (good enough for axis labels: 1 January of each year is a tick).
    static func year(_ dayNumber: Int) -> Int {
        var year = 1970 + dayNumber / 366
        while let next = CalendarDay("\(year + 1)-01-01"), next.dayNumber <= dayNumber { year += 1 }
        return year
    }
}
