import UPRDomain
import UPRStore
import Vapor

/// Assessment rounds: the annual assessment of every recommendation by each stakeholder, and the comparison of
/// two rounds (the dashboard and the report over all rounds are `ReportRoutes`).
enum AssessmentRoutes {
    static func register(_ app: Application) {
        app.get("assessments", use: RoundListView.show)
        app.get("assessments", "new", use: RoundFormView.show)
        app.post("assessments", use: RoundFormView.save)
        app.get("assessments", "compare", use: RoundComparisonView.show)
        app.get("assessments", ":round", use: RoundView.show)
        app.post("assessments", ":round", "close", use: RoundView.close)
        app.get("assessments", ":round", "recommendations", ":id", use: AssessmentView.show)
        app.post("assessments", ":round", "recommendations", ":id", use: AssessmentView.save)
    }

    /// The round a request names. An open round is work in progress: only people with an account see it.
    static func round(_ request: Request, parameter: String = "round") async throws -> AssessmentRound {
        guard
            let id = request.parameters.get(parameter, as: Int.self)
                ?? (try? request.query.get(Int.self, at: parameter)),
            let round = try await AssessmentStore(try request.sql()).round(id)
        else { throw Abort(.notFound) }
        if round.status == .open && !Authorization.allows(request.actor, .readDrafts) { throw Abort(.notFound) }
        return round
    }

    static func href(_ round: Int) -> String { "/assessments/\(round)" }
    static func href(_ round: Int, recommendation: Int) -> String {
        "/assessments/\(round)/recommendations/\(recommendation)"
    }
}
