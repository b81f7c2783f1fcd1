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
        guard isVisible(round, to: request.actor) else { throw Abort(.notFound) }
        return round
    }

    /// Whether `reader` (a signed-in person, an API token with `read`, or nil for the public) may see the round: a
    /// closed round is public, an open one is work in progress.
    static func isVisible(_ round: AssessmentRound, to reader: Principal?) -> Bool {
        round.status == .closed || Authorization.allows(reader, .readDrafts)
    }
}
