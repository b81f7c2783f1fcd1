import UPRDomain
import UPRStore
import Vapor

/// Assessment rounds: the annual assessment of every recommendation by each stakeholder, and the comparison of
/// two rounds (the dashboard and the report over all rounds are `DashboardView` and `MidTermReportFile`).
enum AssessmentRoutes {
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
}
