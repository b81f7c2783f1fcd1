import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The implementation-plan matrix (annex 8.1) for a state, a working group or a ministry, with the ministry's answer
/// beside each civil-society proposal, as the seed's "CSO implementation plan integrating government responses".
/// Shown a page at a time so that a page stays light for a state with hundreds of recommendations; the whole view
/// is one click away as XLSX or CSV.
struct PlanMatrixView: Encodable {
    typealias Option = SelectOption
    /// Rows per page: with every annex column filled, 25 rows stay well under 100 KB in either language.
    static let perPage = 25

    var layout: Layout
    var heading: String
    var scopeLabel: String
    /// The `<option>`s of the three menus, already escaped (`SelectOption.html`).
    var states: SafeHTML
    var groups: SafeHTML
    var organisations: SafeHTML
    /// The matrix table, already escaped (`PlanMatrixTable`).
    var table: SafeHTML
    var hasRows: Bool
    var summary: String
    var exportLabel: String
    var xlsxHref: SiteRoute
    var csvHref: SiteRoute
    var signedIn: Bool
    var canImport: Bool
    var paging: Paging
    /// The follow button of the ministry whose entries are shown, already escaped; nil for other views.
    var subscribe: SafeHTML?

    /// The view a request asks for: `?group=`, `?organisation=` or `?state=` (Mongolia, the demo, by default).
    static func scope(_ request: Request) -> PlanMatrix.Scope {
        if let group = try? request.query.get(Int.self, at: "group") { return .workingGroup(group) }
        if let organisation = try? request.query.get(Int.self, at: "organisation") {
            return .leadOrganisation(organisation)
        }
        return .state((try? request.query.get(String.self, at: "state")) ?? "Mongolia")
    }

    static func load(_ request: Request) async throws -> PlanMatrixView {
        let sql = try request.sql()
        let context = request.page
        let scope = scope(request)
        let requested = (try? request.query.get(Int.self, at: "page")) ?? 1
        async let pageResult = PlanMatrix.page(
            scope, includeDrafts: context.allows(.readDrafts), page: requested, per: perPage, on: sql)
        async let choicesResult = PlanMatrixChoices.load(on: sql)
        let (matrix, choices) = try await (pageResult, choicesResult)
        let subscribe = try await subscribeButton(request, scope, scopeLabel(scope, choices))
        return make(scope: scope, matrix: matrix, choices: choices, subscribe: subscribe, context)
    }

    /// What the view is of: the state, the working group's or the ministry's name.
    static func scopeLabel(_ scope: PlanMatrix.Scope, _ choices: PlanMatrixChoices) -> String {
        switch scope {
        case .state(let name): name
        case .workingGroup(let id): choices.workingGroups.first { $0.id == id }?.name ?? ""
        case .leadOrganisation(let id): choices.governmentBodies.first { $0.id == id }?.name ?? ""
        }
    }

    /// The page from one page of the matrix and the scope choices.
    static func make(
        scope: PlanMatrix.Scope, matrix: PlanMatrix.Page, choices: PlanMatrixChoices, subscribe: SafeHTML?,
        _ context: PageContext
    ) -> PlanMatrixView {
        let t = context.t
        let scopeLabel = scopeLabel(scope, choices)
        var stateName: String?
        if case .state(let name) = scope { stateName = name }
        let canDraft = context.allows(.startPlanEntry)
        let heading = t("plan.title")
        let counts = ["rows": t.number(matrix.total), "entries": t.number(matrix.withEntries)]
        let first = (matrix.page - 1) * matrix.per + 1
        let summary =
            matrix.pages > 1
            ? t(
                "plan.summaryPage",
                counts.merging(["first": t.number(first), "last": t.number(first + matrix.lines.count - 1)]) { a, _ in a
                })
            : t("plan.summary", counts)
        let smartSummary =
            matrix.indicators == 0
            ? ""
            : " "
                + t(
                    "plan.smartSummary",
                    ["count": t.number(matrix.indicators), "smart": t.number(matrix.smartIndicators)])
        return PlanMatrixView(
            layout: Layout(context, title: heading, section: .plan), heading: heading,
            scopeLabel: scopeLabel,
            states: Option.html(choices.states.map { Option(value: $0, label: $0, selected: $0 == stateName) }),
            groups: Option.html(
                choices.workingGroups.map {
                    Option(value: String($0.id), label: $0.name, selected: scope == .workingGroup($0.id))
                }),
            organisations: Option.html(
                choices.governmentBodies.map {
                    Option(value: String($0.id), label: $0.name, selected: scope == .leadOrganisation($0.id))
                }),
            table: PlanMatrixTable(t: t, caption: heading, canDraft: canDraft).html(matrix.lines),
            hasRows: !matrix.lines.isEmpty, summary: summary + smartSummary,
            exportLabel: t("plan.exportAll", ["rows": t.number(matrix.total)]),
            xlsxHref: SiteRoute.planExport(scope, format: "xlsx"),
            csvHref: SiteRoute.planExport(scope, format: "csv"),
            signedIn: context.signedIn,
            canImport: context.allows(.importMatrix),
            paging: Paging(page: matrix.page, pages: matrix.pages, t: t) { .plan(scope, page: $0) },
            subscribe: subscribe)
    }

    static func subscribeButton(_ request: Request, _ scope: PlanMatrix.Scope, _ name: String) async throws -> SafeHTML?
    {
        guard case .leadOrganisation(let id) = scope, !name.isEmpty else { return nil }
        return try await SubscribeButton.html(request, .organisation, key: String(id), name: name)
    }
}
