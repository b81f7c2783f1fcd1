import SQLKit
import UPRDomain

/// How many recommendations of a round's scope stand at each status, grouped by cluster, by responsible ministry or
/// by the state's response: one aggregate statement, whatever the number of recommendations.
public struct StatusBreakdown: Sendable, Equatable {
    public struct Group: Sendable, Equatable {
        /// The cluster code, the ministry's name or the response; nil for recommendations without one.
        public var key: String?
        public var counts: [DashboardStatus: Int]
        public var total: Int { counts.values.reduce(0, +) }
    }

    public var dimension: DashboardDimension
    public var groups: [Group]

    /// `publishedOnly`: the public sees responsible ministries of published plan entries only.
    public static func load(
        round: AssessmentRound, dimension: DashboardDimension, perspective: DashboardPerspective,
        publishedOnly: Bool, on sql: any SQLDatabase
    ) async throws -> StatusBreakdown {
        let kinds = perspective.kinds.map(\.rawValue)
        let cycle: SQLQueryString = round.cycle.map { " AND r.cycle = \(bind: $0)" } ?? ""
        let group: SQLQueryString
        let join: SQLQueryString
        switch dimension {
        case .cluster:
            group = "t.code"
            join = """
                LEFT JOIN recommendation_terms rt ON rt.recommendation_id = r.id
                  AND rt.term_id IN (SELECT id FROM taxonomy_terms WHERE taxonomy = 'cluster')
                LEFT JOIN taxonomy_terms t ON t.id = rt.term_id
                """
        case .ministry:
            group = "o.name"
            let published: SQLQueryString = publishedOnly ? " AND p.status = 'published'" : ""
            join =
                "LEFT JOIN plan_entries p ON p.recommendation_id = r.id" + published
                + " LEFT JOIN organisations o ON o.id = p.lead_organisation_id"
        case .response:
            group = "r.response"
            join = ""
        }
        let rows = try await sql.raw(
            """
            WITH per AS (
                SELECT a.recommendation_id, MIN(\(unsafeRaw: DashboardStatus.rankSQL)) AS rank
                FROM assessments a JOIN organisations ao ON ao.id = a.organisation_id
                WHERE a.round_id = \(bind: round.id) AND ao.kind IN (\(binds: kinds))
                GROUP BY a.recommendation_id
            )
            SELECT \(group) AS key, per.rank AS rank, COUNT(*) AS n
            FROM recommendations r \(join)
            LEFT JOIN per ON per.recommendation_id = r.id
            WHERE r.state_id = \(bind: round.stateID)\(cycle) AND \(AssessedKinds.condition)
            GROUP BY \(group), per.rank
            """
        ).all()
        var groups: [String?: [DashboardStatus: Int]] = [:]
        for row in rows {
            let key = try row.decode(column: "key", as: String?.self)
            let status = DashboardStatus(rank: try row.decode(column: "rank", as: Int?.self))
            groups[key, default: [:]][status, default: 0] += try row.decode(column: "n", as: Int.self)
        }
        let ordered = groups.map { Group(key: $0.key, counts: $0.value) }.sorted { a, b in
            // Named groups by size, then the ones without a name last.
            if (a.key == nil) != (b.key == nil) { return b.key == nil }
            return a.total != b.total ? a.total > b.total : (a.key ?? "") < (b.key ?? "")
        }
        return StatusBreakdown(dimension: dimension, groups: ordered)
    }
}
