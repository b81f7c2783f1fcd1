import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// Two rounds compared: how many statuses moved forward or back, the counts of each round side by side, and every
/// organisation-and-recommendation pair whose status changed.
struct RoundComparisonView: Encodable {
    struct CountRow: Encodable {
        var perspective: String
        var status: String
        var earlier: String
        var later: String
    }
    struct Change: Encodable {
        var reference: String
        var href: SiteRoute
        var text: String
        var organisation: String
        var perspective: String
        var before: String
        var after: String
        var movement: String
        var movementClass: String
    }
    struct Movement: Encodable {
        var label: String
        var count: String
    }
    var layout: Layout
    var heading: String
    var earlierTitle: String
    var laterTitle: String
    var earlierHref: SiteRoute
    var laterHref: SiteRoute
    var movements: [Movement]
    var countRows: [CountRow]
    var changes: [Change]
    var hasChanges: Bool

    @Sendable static func show(_ request: Request) async throws -> Vapor.Response {
        try await request.view.render("assessment-compare", load(request)).encodeResponse(for: request)
    }

    /// The two rounds of the query (`from`, `to`) compared.
    static func load(_ request: Request) async throws -> RoundComparisonView {
        let a = try await AssessmentRoutes.round(request, parameter: "from")
        let b = try await AssessmentRoutes.round(request, parameter: "to")
        return make(try await RoundComparison.load(a, b, on: try request.sql()), request.page)
    }

    /// The page from the comparison of two rounds.
    static func make(_ comparison: RoundComparison, _ context: PageContext) -> RoundComparisonView {
        let t = context.t
        var countRows: [CountRow] = []
        for perspective in Perspective.allCases {
            let earlier = comparison.earlierCounts[perspective] ?? [:]
            let later = comparison.laterCounts[perspective] ?? [:]
            guard !earlier.isEmpty || !later.isEmpty else { continue }
            for status in ImplementationStatus.allCases {
                countRows.append(
                    CountRow(
                        perspective: t(perspective.labelKey), status: t(status.labelKey),
                        earlier: t.number(earlier[status] ?? 0), later: t.number(later[status] ?? 0)))
            }
        }
        return RoundComparisonView(
            layout: Layout(context, title: t("compare.title"), section: .assessments),
            heading: t("compare.title"), earlierTitle: comparison.earlier.title, laterTitle: comparison.later.title,
            earlierHref: SiteRoute.round(comparison.earlier.id),
            laterHref: SiteRoute.round(comparison.later.id),
            movements: StatusMovement.allCases.map {
                Movement(label: t($0.labelKey), count: t.number(comparison.movements[$0] ?? 0))
            },
            countRows: countRows,
            changes: comparison.changes.map { change in
                Change(
                    reference: change.paragraph ?? "#\(change.recommendationID)",
                    href: SiteRoute.assessment(round: comparison.later.id, recommendationID: change.recommendationID),
                    text: change.text.count > 160 ? String(change.text.prefix(160)) + "…" : change.text,
                    organisation: change.organisation, perspective: t(change.perspective.labelKey),
                    before: change.before.map { t($0.labelKey) } ?? "–",
                    after: change.after.map { t($0.labelKey) } ?? "–",
                    movement: t(change.movement.labelKey), movementClass: change.movement.rawValue)
            },
            hasChanges: !comparison.changes.isEmpty)
    }
}
