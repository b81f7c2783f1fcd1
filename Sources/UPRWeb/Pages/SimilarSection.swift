import UPRDomain
import UPRLocalization
import UPRStore
import Vapor

/// The recommendations nearest to one recommendation's text, as the recommendation page lists them.
struct SimilarSection: Encodable {
    /// One similar recommendation: how similar, to whom, when, by whom, and what the state answered.
    struct Row: Encodable {
        var id: Int
        var href: SiteRoute
        var reference: String
        var score: String
        var state: String
        var stateHref: SiteRoute
        var cycle: String
        var source: String
        var response: String
        var responseClass: String
        var text: String

        init(_ similar: SimilarRecommendation, _ t: Translator) {
            let item = similar.recommendation
            id = item.id
            href = SiteRoute.recommendation(item.id)
            reference = item.paragraph ?? "#\(item.id)"
            score = t.percent(similar.score)
            state = item.stateUnderReview
            stateHref = SiteRoute.state(item.stateUnderReview)
            cycle = item.cycle.map { t.cycle($0) + " (" + Cycle.years($0) + ")" } ?? "–"
            source = [
                item.mechanism.abbreviation,
                item.session.map { t("filter.session") + " " + String($0) },
                item.recommendingStates.isEmpty ? nil : item.recommendingStates.joined(separator: ", "),
            ].compactMap { $0 }.joined(separator: " · ")
            response = t.response(item.response)
            responseClass = item.response.rawValue
            text = item.text
        }
    }

    var rows: [Row]
    var hasRows: Bool
    var hint: String
    var apiHref: SiteRoute

    static func load(_ request: Request, id: Int) async throws -> SimilarSection {
        let similar =
            try await SimilarRecommendations.load(
                id: id, terms: false, cache: request.application.similarityCache, on: request.sql()) ?? []
        return make(similar, id: id, request.t)
    }

    /// The section from the recommendations most like recommendation `id`.
    static func make(_ similar: [SimilarRecommendation], id: Int, _ t: Translator) -> SimilarSection {
        let rows = similar.map { Row($0, t) }
        return SimilarSection(
            rows: rows, hasRows: !rows.isEmpty,
            hint: t("similar.hint", ["minimum": t.percent(SimilarRecommendations.minimumScore)]),
            apiHref: SiteRoute.api(.similar(id)))
    }
}
