import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Every assessment round, newest first, with the form to compare two of them.
struct RoundListView: Encodable {
    struct Row: Encodable {
        var href: SiteRoute
        var title: String
        var state: String
        var scope: String
        var heldOn: String
        var status: String
        var statusClass: String
        var assessments: String
    }
    var layout: Layout
    var heading: String
    var rows: [Row]
    var hasRows: Bool
    var canCreate: Bool
    var canCompare: Bool
    var compareOptions: [SelectOption]
    var compareLaterOptions: [SelectOption]

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        let context = request.page
        let rounds = try await AssessmentStore(try request.sql()).rounds(closedOnly: !context.allows(.readDrafts))
        return try await request.view.render("assessment-rounds", make(rounds, context)).encodeResponse(for: request)
    }

    /// The page from the rounds the person may see, newest first.
    static func make(_ rounds: [AssessmentRound], _ context: PageContext) -> RoundListView {
        let t = context.t
        let rows = rounds.map { round in
            Row(
                href: SiteRoute.round(round.id), title: round.title, state: round.stateName,
                scope: RoundView.scopeLabel(round, t), heldOn: RoundView.day(round.heldOn, t),
                status: t("round.status.\(round.status.rawValue)"), statusClass: "round-" + round.status.rawValue,
                assessments: t.number(round.assessmentCount))
        }
        let options = rounds.map { round in
            SelectOption(value: String(round.id), label: round.title + " (" + round.stateName + ")", selected: false)
        }
        var later = options
        if !later.isEmpty { later[0].selected = true }
        var earlier = options
        if earlier.count > 1 { earlier[1].selected = true }
        return RoundListView(
            layout: Layout(context, title: t("round.list.title"), section: .assessments),
            heading: t("round.list.title"), rows: rows, hasRows: !rows.isEmpty,
            canCreate: context.allows(.manageAssessmentRounds), canCompare: rounds.count > 1,
            compareOptions: earlier, compareLaterOptions: later)
    }
}
