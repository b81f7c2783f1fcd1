import Foundation
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The dashboard of a state: implementation status by response, by cluster and by responsible ministry in one
/// assessment round as one perspective sees it, and the road to the mid-term report and the next review. Charts are
/// SVG made here; each comes with its numbers as a table. The public sees closed rounds and published plan entries
/// only.
struct DashboardView: Encodable {
    struct Chart: Encodable {
        var heading: String
        var svg: SafeHTML
        var note: String?
        var table: Table
    }
    struct Table: Encodable {
        var caption: String
        var groupHeading: String
        var columns: [String]
        var rows: [Row]
    }
    struct Row: Encodable {
        var label: String
        var cells: [Cell]
        var total: String
    }
    struct Cell: Encodable {
        var label: String
        var value: String
    }
    struct Milestone: Encodable {
        var label: String
        var date: String
    }
    var layout: Layout
    var content: DashboardContent

    static let series: [(DashboardStatus, String, Bool)] = [
        (.full, "#00703c", false), (.partial, "#ffdd00", true), (.notStarted, "#d4351c", false),
        (.noData, "#b1b4b6", true), (.notAssessed, "#f3f2f1", true),
    ]

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let content = try await DashboardContent.load(request)
        return try await request.view.render("dashboard", make(content, request.page)).encodeResponse(for: request)
    }

    /// The page around the state's dashboard content (which is the same for everyone of the same language and
    /// membership, and so may be kept).
    static func make(_ content: DashboardContent, _ context: PageContext) -> DashboardView {
        DashboardView(layout: Layout(context, title: content.heading, section: .dashboard), content: content)
    }

    static func label(_ key: String?, _ dimension: DashboardDimension, _ t: Translator) -> String {
        guard let key else { return t("dashboard.none.\(dimension.rawValue)") }
        switch dimension {
        case .cluster: return t("cluster.\(key)")
        case .ministry: return key
        case .response: return UPRDomain.Response(rawValue: key).map { t.response($0) } ?? key
        }
    }

    static func chart(
        _ breakdown: StatusBreakdown, round: AssessmentRound, perspective: DashboardPerspective, _ t: Translator
    ) -> Chart {
        let dimension = breakdown.dimension
        let heading = t("dashboard.chart.\(dimension.rawValue)")
        let statuses = series.map(\.0)
        let bars = breakdown.groups.map { group in
            StackedBarChart.Bar(
                label: label(group.key, dimension, t), values: statuses.map { group.counts[$0] ?? 0 })
        }
        let chart = StackedBarChart(
            id: "chart-\(dimension.rawValue)", title: heading,
            description: t(
                "dashboard.chartDescription",
                ["round": round.title, "perspective": t(perspective.labelKey), "count": t.number(bars.count)]),
            series: series.map { status, color, dark in
                StackedBarChart.Series(key: status.rawValue, label: t(status.labelKey), color: color, darkText: dark)
            }, bars: bars, totalLabel: { "n = " + t.number($0) }, number: { t.number($0) })
        var note: String?
        if dimension == .response,
            let noted = breakdown.groups.first(where: { $0.key == UPRDomain.Response.noted.rawValue }),
            noted.total > 0
        {
            // The seed's point: noted recommendations get implemented too (19% acted on at mid-term, UPR Info).
            let acted = (noted.counts[.partial] ?? 0) + (noted.counts[.full] ?? 0)
            note = t(
                "dashboard.notedNote",
                [
                    "acted": t.number(acted), "total": t.number(noted.total),
                    "percent": t.number(Int((Double(acted) * 100 / Double(noted.total)).rounded())),
                ])
        }
        return Chart(
            heading: heading, svg: chart.svg, note: note,
            table: Table(
                caption: heading, groupHeading: t(dimension.labelKey), columns: statuses.map { t($0.labelKey) },
                rows: breakdown.groups.map { group in
                    Row(
                        label: label(group.key, dimension, t),
                        cells: statuses.map { Cell(label: t($0.labelKey), value: t.number(group.counts[$0] ?? 0)) },
                        total: t.number(group.total))
                }))
    }

    /// Each indicator that can show progress as a bar from baseline (0%) to target (100%), the latest value and
    /// the target date beside it; every indicator of the state in the table.
    static func indicatorChart(_ indicators: [IndicatorListItem], _ t: Translator) -> Chart? {
        guard !indicators.isEmpty else { return nil }
        let heading = t("dashboard.indicators")
        let bars = indicators.compactMap { indicator -> StackedBarChart.Bar? in
            guard let progress = indicator.progress, let latest = indicator.latestValue,
                let target = indicator.targetValue
            else { return nil }
            let percent = Int((progress * 100).rounded())
            let due = indicator.targetDate.map { " " + t("dashboard.byDate", ["date": $0]) } ?? ""
            return StackedBarChart.Bar(
                label: indicator.title, values: [percent, 100 - percent],
                note: IndicatorFields.number(latest) + " / " + IndicatorFields.number(target) + due)
        }
        let chart = StackedBarChart(
            id: "chart-indicators", title: heading,
            description: t("dashboard.indicatorsDescription", ["count": t.number(bars.count)]),
            series: [
                StackedBarChart.Series(
                    key: "achieved", label: t("dashboard.achieved"), color: "#00703c", darkText: false),
                StackedBarChart.Series(
                    key: "remaining", label: t("dashboard.remaining"), color: "#f3f2f1", darkText: true),
            ], bars: bars, totalLabel: { _ in "" }, number: { t.number($0) + "%" }, totalWidth: 190)
        return Chart(
            heading: heading, svg: bars.isEmpty ? .empty : chart.svg,
            note: bars.isEmpty ? t("dashboard.noIndicators") : nil,
            table: Table(
                caption: heading, groupHeading: t("report.indicator"),
                columns: [t("report.baseline"), t("report.latest"), t("report.target"), t("report.progress")],
                rows: indicators.map { indicator in
                    let cells = MidTermReport.indicatorRow(indicator, t)
                    let labels = [t("report.baseline"), t("report.latest"), t("report.target"), t("report.progress")]
                    return Row(
                        label: cells[0], cells: zip(labels, cells.dropFirst()).map { Cell(label: $0, value: $1) },
                        total: "")
                }))
    }

    static func events(_ timeline: ReviewTimeline, _ t: Translator) -> [TimelineChart.Event] {
        var events: [TimelineChart.Event] = []
        if let review = timeline.reviewDate {
            events.append(TimelineChart.Event(date: review, label: t("dashboard.review"), milestone: true))
        }
        for round in timeline.rounds {
            events.append(TimelineChart.Event(date: round.heldOn, label: round.title, milestone: false))
        }
        if let midTerm = timeline.midTermReport {
            events.append(TimelineChart.Event(date: midTerm, label: t("dashboard.midTerm"), milestone: true))
        }
        if let next = timeline.nextReview {
            events.append(TimelineChart.Event(date: next, label: t("dashboard.nextReview"), milestone: true))
        }
        return events
    }

    static func timelineSVG(_ timeline: ReviewTimeline, _ t: Translator) -> SafeHTML? {
        let events = events(timeline, t)
        guard !events.isEmpty else { return nil }
        return TimelineChart(
            id: "chart-timeline", title: t("dashboard.timeline"), description: t("dashboard.timelineDescription"),
            events: events, today: Date(), todayLabel: t("dashboard.today"), dateLabel: { t.date($0) }
        ).svg
    }

    static func milestones(_ timeline: ReviewTimeline, _ t: Translator) -> [Milestone] {
        events(timeline, t).sorted { $0.date < $1.date }.map { Milestone(label: $0.label, date: t.date($0.date)) }
    }
}
