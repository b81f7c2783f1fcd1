import SQLKit
import UPRDomain

/// The implementation-plan matrix for one view: a state's recommendations, a working group's entries or a
/// ministry's entries. Two queries whatever the size: the rows, then supporters and links for all entries.
public struct PlanMatrix: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var recommendation: RecommendationSummary
        public var entry: PlanEntry?
    }

    public enum Scope: Sendable, Equatable {
        /// Every recommendation to a state, with or without an entry.
        case state(String)
        case workingGroup(Int)
        case leadOrganisation(Int)
    }

    public var rows: [Row]

    /// Loads a view. Drafts are left out unless `includeDrafts` (the public sees published entries only).
    public static func load(_ scope: Scope, includeDrafts: Bool, on sql: any SQLDatabase) async throws -> PlanMatrix {
        let visibility: SQLQueryString = includeDrafts ? "" : " AND p.status = 'published'"
        let condition: SQLQueryString
        var join: SQLQueryString = "LEFT JOIN"
        switch scope {
        case .state(let name):
            guard let id = try await RecommendationSearch.stateID(named: name, on: sql) else {
                return PlanMatrix(rows: [])
            }
            condition = "r.state_id = \(bind: id) AND r.kind = 'recommendation'"
        case .workingGroup(let id):
            condition = "p.working_group_id = \(bind: id)"
            join = "JOIN"
        case .leadOrganisation(let id):
            condition = "p.lead_organisation_id = \(bind: id)"
            join = "JOIN"
        }
        let query: SQLQueryString =
            """
            SELECT r.id AS rid, r.kind, s.name AS state_name, r.cycle, r.session, r.paragraph, r.text, r.response,
                   r.action_category, r.mechanism, r.recommending_states,
                   p.id, p.recommendation_id, p.working_group_id, g.name AS group_name, p.goal, p.expected_action,
                   p.indicators, p.lead_organisation_id, lo.name AS lead_name, p.other_mechanisms_national,
                   p.other_mechanisms_international, p.start_date, p.due_date, p.priority, p.cso_activities, p.status,
                   p.government_answer, p.government_comment, u.name AS answered_by_name, p.answered_at, p.version,
                   p.created_at, p.updated_at
            FROM recommendations r JOIN states s ON s.id = r.state_id
            """ + " " + join
                + """
                 (plan_entries p JOIN working_groups g ON g.id = p.working_group_id) ON p.recommendation_id = r.id
                """ + visibility
                + """
                 LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id
                LEFT JOIN users u ON u.id = p.answered_by
                WHERE
                """ + " " + condition + " ORDER BY r.cycle, r.session, r.id"
        let rows = try await sql.raw(query).all()
        var summaries: [RecommendationSummary] = []
        var entries: [PlanEntry?] = []
        for row in rows {
            var summary = try RecommendationSearch.summary(from: row, idColumn: "rid")
            summary.clusters = []
            summaries.append(summary)
            entries.append(try row.decode(column: "id", as: Int?.self) == nil ? nil : try PlanStore.entry(row))
        }
        try await RecommendationSearch.attachTerms(&summaries, on: sql)
        let completed = try await PlanStore(sql).complete(entries.compactMap { $0 })
        var byID: [Int: PlanEntry] = [:]
        for entry in completed { byID[entry.id] = entry }
        var out: [Row] = []
        for (summary, entry) in zip(summaries, entries) {
            out.append(Row(recommendation: summary, entry: entry.flatMap { byID[$0.id] }))
        }
        out.sort { left, right in
            // Numbered paragraphs in report order; unnumbered ones after, by id.
            switch (left.recommendation.paragraph, right.recommendation.paragraph) {
            case (let a?, let b?):
                if left.recommendation.session != right.recommendation.session {
                    return (left.recommendation.session ?? 0) < (right.recommendation.session ?? 0)
                }
                return ParagraphOrder.less(a, b)
            case (_?, nil): return true
            case (nil, _?): return false
            default: return left.recommendation.id < right.recommendation.id
            }
        }
        return PlanMatrix(rows: out)
    }
}
