import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The implementation-plan matrix (annex 8.1) for a state, a working group or a ministry, with the ministry's answer
/// beside each civil-society proposal, as the seed's "CSO implementation plan integrating government responses".
struct PlanMatrixView: Encodable {
    typealias Option = SelectOption
    struct Row: Encodable {
        var reference: String
        var href: String
        var states: String
        var text: String
        var response: String
        var otherNational: String
        var otherInternational: String
        var goal: String
        var expectedAction: String
        var indicators: String
        var lead: String
        var answer: String?
        var answerClass: String?
        var answerComment: String?
        var status: String?
        var entryHref: String?
        var draftHref: String?
    }
    var layout: Layout
    var heading: String
    var scopeLabel: String
    var states: [Option]
    var groups: [Option]
    var organisations: [Option]
    var rows: [Row]
    var hasRows: Bool
    var summary: String
    var xlsxHref: String
    var csvHref: String
    var signedIn: Bool
    var canImport: Bool

    /// The view a request asks for: `?group=`, `?organisation=` or `?state=` (Mongolia, the demo, by default).
    static func scope(_ request: Request) throws -> (PlanMatrix.Scope, String) {
        if let group = try? request.query.get(Int.self, at: "group") { return (.workingGroup(group), "group=\(group)") }
        if let organisation = try? request.query.get(Int.self, at: "organisation") {
            return (.leadOrganisation(organisation), "organisation=\(organisation)")
        }
        let state = (try? request.query.get(String.self, at: "state")) ?? "Mongolia"
        return (.state(state), SiteRoute.query([("state", state)]).dropFirst().description)
    }

    static func load(_ request: Request) async throws -> PlanMatrixView {
        let sql = try request.sql()
        let t = request.t
        let (scope, query) = try scope(request)
        let includeDrafts = Authorization.allows(request.actor, .readDrafts)
        async let matrixResult = PlanMatrix.load(scope, includeDrafts: includeDrafts, on: sql)
        let store = OrganisationStore(sql)
        async let groupsResult = store.workingGroups()
        async let organisationsResult = store.organisations()
        async let statesResult = FilterOptions.load(on: sql)
        let (matrix, groups, organisations, options) = try await (
            matrixResult, groupsResult, organisationsResult, statesResult
        )
        var scopeLabel = ""
        var stateName: String?
        switch scope {
        case .state(let name):
            stateName = name
            scopeLabel = name
        case .workingGroup(let id): scopeLabel = groups.first { $0.id == id }?.name ?? ""
        case .leadOrganisation(let id): scopeLabel = organisations.first { $0.id == id }?.name ?? ""
        }
        let rows = matrix.rows.map { row -> Row in
            let r = row.recommendation
            let e = row.entry
            let canDraft =
                request.actor.map { actor in
                    actor.role == .administrator || (actor.role == .csoMember && !actor.workingGroupIDs.isEmpty)
                } ?? false
            return Row(
                reference: r.paragraph ?? "#\(r.id)", href: SiteRoute.recommendation(r.id).href,
                states: r.recommendingStates.joined(separator: ", "), text: r.text,
                response: UPRDomain.Response(rawValue: r.response).map(t.response) ?? r.response,
                otherNational: e?.fields.otherMechanismsNational ?? "",
                otherInternational: e?.fields.otherMechanismsInternational ?? "", goal: e?.fields.goal ?? "",
                expectedAction: e?.fields.expectedAction ?? "", indicators: e?.fields.indicators ?? "",
                lead: e?.leadOrganisationName ?? "",
                answer: e?.governmentAnswer.map { t("answer.\($0.rawValue)") },
                answerClass: e?.governmentAnswer?.rawValue,
                answerComment: (e?.governmentComment).flatMap { $0.isEmpty ? nil : $0 },
                status: e.map { t("status.\($0.status.rawValue)") },
                entryHref: e.map { "/plan/entries/\($0.id)" },
                draftHref: e == nil && canDraft ? "/recommendations/\(r.id)/plan" : nil)
        }
        let withEntries = matrix.rows.filter { $0.entry != nil }.count
        return PlanMatrixView(
            layout: Layout(request: request, title: t("plan.title"), section: .plan),
            heading: t("plan.title"), scopeLabel: scopeLabel,
            states: options.statesUnderReview.map { Option(value: $0, label: $0, selected: $0 == stateName) },
            groups: groups.map {
                Option(value: String($0.id), label: $0.name, selected: scope == .workingGroup($0.id))
            },
            organisations: organisations.filter { $0.kind.isGovernment }.map {
                Option(value: String($0.id), label: $0.name, selected: scope == .leadOrganisation($0.id))
            },
            rows: rows, hasRows: !rows.isEmpty,
            summary: t(
                "plan.summary",
                ["rows": t.number(matrix.rows.count), "entries": t.number(withEntries)]),
            xlsxHref: "/plan/export.xlsx?" + query, csvHref: "/plan/export.csv?" + query,
            signedIn: request.currentUser != nil,
            canImport: Authorization.allows(request.actor, .importMatrix))
    }
}
