import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// One round: each recommendation with every stakeholder's status side by side, the disagreements marked, and the
/// counts by perspective and status (as a table: the dashboards draw the same numbers).
struct RoundView: Encodable {
    struct Cell: Encodable {
        var label: String
        var statuses: [Status]
        var hasStatuses: Bool
    }
    struct Status: Encodable {
        var label: String
        var organisation: String
        var statusClass: String
    }
    struct Line: Encodable {
        var reference: String
        var href: SiteRoute
        var text: String
        var response: String
        var workingGroup: String?
        var cells: [Cell]
        var disagree: Bool
        var agreement: String
    }
    struct CountRow: Encodable {
        struct Count: Encodable {
            var label: String
            var value: String
        }
        var perspective: String
        var counts: [Count]
        var total: String
    }
    struct Filter: Encodable {
        var label: String
        var href: SiteRoute
        var current: Bool
    }
    var layout: Layout
    var csrf: String
    var heading: String
    var facts: [PlanEntryView.Field]
    /// The annual assessment meeting that opened the round, when the reader may see that meeting.
    var meetingTitle: String?
    var meetingHref: SiteRoute?
    var isOpen: Bool
    var canClose: Bool
    var version: Int
    var closeAction: SiteRoute
    var perspectives: [String]
    var statusLabels: [String]
    var countRows: [CountRow]
    var hasCounts: Bool
    var filters: [Filter]
    /// The recommendations' table, already escaped (written in Swift: a round page shows up to 40 rows of nested
    /// cells, which Leaf's loops made the page's main cost).
    var table: SafeHTML
    var hasLines: Bool
    var summary: String
    var paging: Paging
    /// The whole round, every stakeholder side by side, as a spreadsheet.
    var csvHref: SiteRoute
    var xlsxHref: SiteRoute

    static let perPage = 40

    static func scopeLabel(_ round: AssessmentRound, _ t: Translator) -> String {
        round.cycle.map { t("round.cycle", ["cycle": t.number($0)]) } ?? t("round.allCycles")
    }

    /// A recommendation's text as the round's table shows it: its first 220 characters.
    static func shortText(_ text: String) -> String {
        text.count > 220 ? String(text.prefix(220)) + "…" : text
    }

    static func day(_ text: String, _ t: Translator) -> String {
        Timestamp.date(text + "T00:00:00Z").map { t.date($0) } ?? text
    }

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let round = try await AssessmentRoutes.round(request)
        let context = request.page
        let show = (try? request.query.get(String.self, at: "show")).flatMap(RoundOverview.Show.init(rawValue:)) ?? .all
        let page = max((try? request.query.get(Int.self, at: "page")) ?? 1, 1)
        let overview = try await overview(request, round: round, show: show, page: page)
        var meeting: Meeting?
        if let id = round.meetingID, let found = try await MeetingStore(try request.sql()).meeting(id: id),
            found.fields.isPublic || context.allows(.readDrafts)
        {
            meeting = found
        }
        let view = make(round: round, overview: overview, show: show, page: page, meeting: meeting, context)
        return try await request.view.render("assessment-round", view).encodeResponse(for: request)
    }

    /// The page from the round, one page of its overview and the meeting that opened it (when the person may see
    /// that meeting).
    static func make(
        round: AssessmentRound, overview: RoundOverview, show: RoundOverview.Show, page: Int, meeting: Meeting?,
        _ context: PageContext
    ) -> RoundView {
        let t = context.t
        let statuses = ImplementationStatus.allCases
        let countRows = Perspective.allCases.compactMap { perspective -> CountRow? in
            guard let counts = overview.counts[perspective] else { return nil }
            return CountRow(
                perspective: t(perspective.labelKey),
                counts: statuses.map { CountRow.Count(label: t($0.labelKey), value: t.number(counts[$0] ?? 0)) },
                total: t.number(counts.values.reduce(0, +)))
        }
        let lines = overview.lines.map { line in
            Line(
                reference: line.paragraph ?? "#\(line.recommendationID)",
                href: .assessment(round: round.id, recommendationID: line.recommendationID),
                text: shortText(line.text),
                response: t.response(line.response), workingGroup: line.workingGroup,
                cells: Perspective.allCases.map { perspective in
                    let given = line.statuses[perspective] ?? []
                    return Cell(
                        label: t(perspective.labelKey),
                        statuses: given.map {
                            Status(
                                label: t($0.status.labelKey), organisation: $0.organisation,
                                statusClass: $0.status.rawValue)
                        }, hasStatuses: !given.isEmpty)
                },
                disagree: line.agreement == .disagree, agreement: t("agreement.\(line.agreement.rawValue)"))
        }
        let pages = max(1, (overview.total + perPage - 1) / perPage)
        return RoundView(
            layout: Layout(context, title: round.title, section: .assessments), csrf: context.csrf,
            heading: round.title,
            facts: [
                PlanEntryView.Field(label: t("round.state"), value: round.stateName),
                PlanEntryView.Field(label: t("round.scope"), value: scopeLabel(round, t)),
                PlanEntryView.Field(label: t("round.heldOn"), value: day(round.heldOn, t)),
                PlanEntryView.Field(label: t("round.statusLabel"), value: t("round.status.\(round.status.rawValue)")),
                PlanEntryView.Field(
                    label: t("round.progress"),
                    value: t(
                        "round.progressValue",
                        ["assessed": t.number(overview.assessed), "total": t.number(overview.inScope)])),
                PlanEntryView.Field(label: t("round.disagreements"), value: t.number(overview.disagreements)),
            ],
            meetingTitle: meeting?.fields.title, meetingHref: meeting.map { SiteRoute.meeting($0.id) },
            isOpen: round.status == .open,
            canClose: round.status == .open && context.allows(.manageAssessmentRounds),
            version: round.version, closeAction: .roundClose(round.id),
            perspectives: Perspective.allCases.map { t($0.labelKey) }, statusLabels: statuses.map { t($0.labelKey) },
            countRows: countRows, hasCounts: !countRows.isEmpty,
            filters: RoundOverview.Show.allCases.map { option in
                Filter(
                    label: t("round.show.\(option.rawValue)"),
                    href: .round(round.id, show: option), current: option == show)
            },
            table: tableHTML(lines, t), hasLines: !lines.isEmpty,
            summary: t("round.summary", ["count": t.number(overview.total)]),
            paging: Paging(page: page, pages: pages, t: t) { .round(round.id, show: show, page: $0) },
            csvHref: .roundExport(round.id, format: .csv), xlsxHref: .roundExport(round.id, format: .xlsx))
    }

    struct OverviewKey: Hashable, Sendable {
        var round: Int
        var show: RoundOverview.Show
        var page: Int
    }

    /// What a round's overview is computed from: the recommendations, their plan entries' working groups, the
    /// assessments and the organisations' names.
    static let concerns: Set<ContentConcern> = [.registry, .plan, .assessments, .organisations]

    /// The round's overview, kept per version of its concerns (a closed round never changes; an open one changes
    /// with every assessment, which raises the version of the assessments).
    static func overview(_ request: Request, round: AssessmentRound, show: RoundOverview.Show, page: Int) async throws
        -> RoundOverview
    {
        let sql = try request.sql()
        let load = { try await RoundOverview.load(round: round, show: show, page: page, pageSize: perPage, on: sql) }
        guard let cache = request.application.roundCache else { return try await load() }
        return try await cache.value(for: OverviewKey(round: round.id, show: show, page: page), on: sql, compute: load)
    }

    static func tableHTML(_ lines: [Line], _ t: Translator) -> SafeHTML {
        var out = SafeHTML.Builder(capacity: lines.count * 1_200)
        out.raw("<table class=\"responsive assessments\"><caption class=\"visually-hidden\">")
        out.text(t("round.recommendations"))
        out.raw("</caption><thead><tr><th scope=\"col\">")
        out.text(t("col.reference"))
        out.raw("</th><th scope=\"col\">")
        out.text(t("col.recommendation"))
        out.raw("</th>")
        for perspective in Perspective.allCases {
            out.raw("<th scope=\"col\">")
            out.text(t(perspective.labelKey))
            out.raw("</th>")
        }
        out.raw("<th scope=\"col\">")
        out.text(t("round.agreement"))
        out.raw("</th></tr></thead><tbody>")
        let reference = t("col.reference")
        let recommendation = t("col.recommendation")
        let agreementLabel = t("round.agreement")
        for line in lines {
            out.raw(line.disagree ? "<tr class=\"disagree\">" : "<tr>")
            out.raw("<th scope=\"row\" data-label=\"")
            out.text(reference)
            out.raw("\"><a href=\"")
            out.text(line.href.href)
            out.raw("\">")
            out.text(line.reference)
            out.raw("</a></th><td data-label=\"")
            out.text(recommendation)
            out.raw("\"><div class=\"cell\">")
            out.text(line.text)
            out.raw("<br><span class=\"hint\">")
            out.text(line.response + (line.workingGroup.map { " · " + $0 } ?? ""))
            out.raw("</span></div></td>")
            for cell in line.cells {
                out.raw("<td data-label=\"")
                out.text(cell.label)
                out.raw("\"><div class=\"cell\">")
                if cell.statuses.isEmpty { out.raw("–") }
                for status in cell.statuses {
                    out.raw("<span class=\"status status-")
                    out.text(status.statusClass)
                    out.raw("\">")
                    out.text(status.label)
                    out.raw("</span> <span class=\"hint\">")
                    out.text(status.organisation)
                    out.raw("</span><br>")
                }
                out.raw("</div></td>")
            }
            out.raw("<td data-label=\"")
            out.text(agreementLabel)
            out.raw("\"><div class=\"cell\">")
            if line.disagree {
                out.raw("<strong class=\"tag tag-disagree\">")
                out.text(line.agreement)
                out.raw("</strong>")
            } else {
                out.text(line.agreement)
            }
            out.raw("</div></td></tr>")
        }
        out.raw("</tbody></table>")
        return out.html
    }

    /// Closing a round freezes it as the snapshot the dashboard and the report read.
    static let close = FormPost(
        VersionForm.self, load: { try await AssessmentRoutes.round($0) },
        rule: .forSubject { _ in .manageAssessmentRounds },
        write: { round, form, write in
            try await AssessmentStore(write.sql).closeRound(round.id, version: form.version ?? 0, actor: write.actor)
            return .redirect(.round(round.id))
        })
}
