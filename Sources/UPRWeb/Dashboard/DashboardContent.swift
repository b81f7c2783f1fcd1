import Foundation
import SQLKit
import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Everything on the dashboard but the page frame, with its charts and tables already written as HTML. It depends
/// only on the data (the registry version), the question (state, round, perspective), who asks (public or member),
/// the language and the day, so it is computed once per version and kept (`Application.dashboardCache`).
struct DashboardContent: Encodable, Sendable {
    /// What the dashboard shows is computed from: the recommendations, their plan entries and groups, the rounds'
    /// assessments, the indicators, the review timeline's meetings. Not the discussions or the accounts.
    static let concerns: Set<ContentConcern> = [
        .registry, .plan, .assessments, .indicators, .meetings, .organisations,
    ]

    struct Key: Hashable, Sendable {
        var state: String
        var round: Int?
        var perspective: String?
        var members: Bool
        var language: Language
        var day: String
    }

    var heading: String
    /// The `<option>`s of the three menus, escaped.
    var states: SafeHTML
    var rounds: SafeHTML
    var perspectives: SafeHTML
    var roundSummary: String?
    var reportDocx: String
    var reportHTML: String
    /// The chart sections (status by cluster, ministry, response; indicator progress), escaped.
    var sections: SafeHTML
    var hasSections: Bool
    var timelineHeading: String
    /// The timeline's SVG and its list of dates, escaped.
    var timeline: SafeHTML

    static func load(_ request: Request) async throws -> DashboardContent {
        let sql = try request.sql()
        let key = Key(
            state: (try? request.query.get(String.self, at: "state")) ?? "Mongolia",
            round: try? request.query.get(Int.self, at: "round"),
            perspective: try? request.query.get(String.self, at: "perspective"),
            members: Authorization.allows(request.actor, .readDrafts), language: request.language,
            day: Timestamp.day(Date()))
        let t = request.t
        guard let cache = request.application.dashboardCache else { return try await build(key, t: t, on: sql) }
        return try await cache.value(for: key, on: sql) { try await build(key, t: t, on: sql) }
    }

    /// What the dashboard of one state shows, as read from the store.
    struct Facts: Sendable {
        var choices: PlanMatrixChoices
        /// The state's rounds, newest first, and the one shown.
        var rounds: [AssessmentRound]
        var round: AssessmentRound?
        var perspective: DashboardPerspective
        /// The shown round's breakdown by each dimension (empty without a round).
        var breakdowns: [StatusBreakdown]
        var indicators: [IndicatorListItem]
        var timeline: ReviewTimeline
    }

    static func build(_ key: Key, t: Translator, on sql: any SQLDatabase) async throws -> DashboardContent {
        make(key, try await facts(key, on: sql), t)
    }

    static func facts(_ key: Key, on sql: any SQLDatabase) async throws -> Facts {
        let members = key.members
        guard let stateID = try await StateDirectory.id(named: key.state, on: sql) else { throw Abort(.notFound) }
        async let choicesResult = PlanMatrixChoices.load(on: sql)
        async let roundsResult = AssessmentStore(sql).rounds(closedOnly: !members)
        async let timelineResult = ReviewTimeline.load(stateID: stateID, closedRoundsOnly: !members, on: sql)
        let (choices, allRounds, timeline) = try await (choicesResult, roundsResult, timelineResult)
        let rounds = allRounds.filter { $0.stateID == stateID }
        let round = rounds.first { $0.id == key.round } ?? rounds.first
        let perspective = key.perspective.flatMap(DashboardPerspective.init(rawValue:)) ?? .everyone
        var breakdowns: [StatusBreakdown] = []
        if let round {
            for dimension in DashboardDimension.allCases {
                breakdowns.append(
                    try await StatusBreakdown.load(
                        round: round, dimension: dimension, perspective: perspective, publishedOnly: !members, on: sql))
            }
        }
        let tracked = try await IndicatorStore(sql).tracking(stateID: stateID, cycle: nil, includeDrafts: members)
        return Facts(
            choices: choices, rounds: rounds, round: round, perspective: perspective, breakdowns: breakdowns,
            indicators: tracked.indicators, timeline: timeline)
    }

    /// The dashboard's content from what the store holds for the state.
    static func make(_ key: Key, _ facts: Facts, _ t: Translator) -> DashboardContent {
        let stateName = key.state
        let (choices, rounds, round, perspective) = (facts.choices, facts.rounds, facts.round, facts.perspective)
        var charts: [DashboardView.Chart] = []
        if let round {
            for breakdown in facts.breakdowns {
                charts.append(DashboardView.chart(breakdown, round: round, perspective: perspective, t))
            }
        }
        if let indicators = DashboardView.indicatorChart(facts.indicators, t) { charts.append(indicators) }
        var sections = SafeHTML.Builder(capacity: 64 * 1024)
        for (index, chart) in charts.enumerated() { section(chart, id: "h-\(index)", t, into: &sections) }
        return DashboardContent(
            heading: t("dashboard.title", ["state": stateName]),
            states: SelectOption.html(
                choices.states.map { SelectOption(value: $0, label: $0, selected: $0 == stateName) }),
            rounds: SelectOption.html(
                rounds.map { item in
                    SelectOption(
                        value: String(item.id),
                        label: item.title + (item.status == .open ? " (" + t("round.status.open") + ")" : ""),
                        selected: item.id == round?.id)
                }),
            perspectives: SelectOption.html(
                DashboardPerspective.allCases.map {
                    SelectOption(value: $0.rawValue, label: t($0.labelKey), selected: $0 == perspective)
                }),
            roundSummary: round.map { round in
                t(
                    "dashboard.roundSummary",
                    [
                        "round": round.title, "date": RoundView.day(round.heldOn, t),
                        "perspective": t(perspective.labelKey),
                    ])
            },
            reportDocx: SiteRoute.midTermReport(.docx, state: stateName).href,
            reportHTML: SiteRoute.midTermReport(.html, state: stateName).href,
            sections: sections.html, hasSections: !charts.isEmpty, timelineHeading: t("dashboard.timeline"),
            timeline: timelineHTML(facts.timeline, t))
    }

    /// A chart's section: heading, SVG, note, and its numbers as a table behind a disclosure.
    static func section(_ chart: DashboardView.Chart, id: String, _ t: Translator, into out: inout SafeHTML.Builder) {
        out.append("<section class=\"chart-section\" aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">")
        out.text(chart.heading)
        out.raw("</h2>")
        out.append(chart.svg)
        if let note = chart.note {
            out.raw("<p class=\"notice\">")
            out.text(note)
            out.raw("</p>")
        }
        out.raw("<details><summary>")
        out.text(t("dashboard.showNumbers"))
        out.raw("</summary><table class=\"responsive\"><caption class=\"visually-hidden\">")
        out.text(chart.table.caption)
        out.raw("</caption><thead><tr><th scope=\"col\">")
        out.text(chart.table.groupHeading)
        out.raw("</th>")
        for column in chart.table.columns {
            out.raw("<th scope=\"col\" class=\"num\">")
            out.text(column)
            out.raw("</th>")
        }
        let hasTotals = chart.table.rows.contains { !$0.total.isEmpty }
        if hasTotals {
            out.raw("<th scope=\"col\" class=\"num\">")
            out.text(t("round.total"))
            out.raw("</th>")
        }
        out.raw("</tr></thead><tbody>")
        for row in chart.table.rows {
            out.raw("<tr><th scope=\"row\">")
            out.text(row.label)
            out.raw("</th>")
            for cell in row.cells {
                out.raw("<td class=\"num\" data-label=\"")
                out.text(cell.label)
                out.raw("\">")
                out.text(cell.value)
                out.raw("</td>")
            }
            if hasTotals {
                out.raw("<td class=\"num\" data-label=\"")
                out.text(t("round.total"))
                out.raw("\">")
                out.text(row.total)
                out.raw("</td>")
            }
            out.raw("</tr>")
        }
        out.raw("</tbody></table></details></section>")
    }

    static func timelineHTML(_ timeline: ReviewTimeline, _ t: Translator) -> SafeHTML {
        var out = SafeHTML.Builder(capacity: 8 * 1024)
        if let svg = DashboardView.timelineSVG(timeline, t) { out.append(svg) }
        out.raw("<dl class=\"summary-list\">")
        for milestone in DashboardView.milestones(timeline, t) {
            out.raw("<div><dt>")
            out.text(milestone.label)
            out.raw("</dt><dd>")
            out.text(milestone.date)
            out.raw("</dd></div>")
        }
        out.raw("</dl>")
        return out.html
    }
}

extension Application {
    private struct DashboardCacheKey: StorageKey {
        typealias Value = VersionedCache<DashboardContent.Key, DashboardContent>
    }

    /// This process's dashboards, each kept while the registry is unchanged; nil when result caches are off.
    var dashboardCache: VersionedCache<DashboardContent.Key, DashboardContent>? {
        get { storage[DashboardCacheKey.self] }
        set { storage[DashboardCacheKey.self] = newValue }
    }

    private struct RoundCacheKey: StorageKey {
        typealias Value = VersionedCache<RoundView.OverviewKey, RoundOverview>
    }

    /// This process's assessment round overviews, each kept while the registry is unchanged.
    var roundCache: VersionedCache<RoundView.OverviewKey, RoundOverview>? {
        get { storage[RoundCacheKey.self] }
        set { storage[RoundCacheKey.self] = newValue }
    }
}
