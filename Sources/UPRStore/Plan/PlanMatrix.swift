import SQLKit
import UPRDomain

/// The implementation-plan matrix for one view: a state's recommendations, a working group's entries or a
/// ministry's entries. A fixed number of queries whatever the size: the rows, their terms, then supporters and
/// links for all entries.
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

    /// One page of a view, and the size of the whole view.
    public struct Page: Sendable, Equatable {
        public var rows: [Row]
        /// Recommendations in the whole view.
        public var total: Int
        /// Of those, how many have a (visible) plan entry.
        public var withEntries: Int
        /// The page shown (a page past the end shows the last one).
        public var page: Int
        public var per: Int

        public var pages: Int { max(1, (total + per - 1) / per) }
    }

    public var rows: [Row]

    /// The whole view (for the XLSX and CSV exports). Drafts are left out unless `includeDrafts` (the public sees
    /// published entries only).
    public static func load(_ scope: Scope, includeDrafts: Bool, on sql: any SQLDatabase) async throws -> PlanMatrix {
        guard let from = try await fromClause(scope, includeDrafts: includeDrafts, on: sql) else {
            return PlanMatrix(rows: [])
        }
        var rows = try await load(from, on: sql)
        rows.sort { precedes(Key($0.recommendation), Key($1.recommendation)) }
        return PlanMatrix(rows: rows)
    }

    /// One page of the view in matrix order, with the counts of the whole view: first the order of every row
    /// (three small columns), then the full rows of this page only, so that a page costs the same for a state
    /// with 50 recommendations as for one with 500.
    public static func page(
        _ scope: Scope, includeDrafts: Bool, page: Int, per: Int, on sql: any SQLDatabase
    ) async throws -> Page {
        guard let from = try await fromClause(scope, includeDrafts: includeDrafts, on: sql) else {
            return Page(rows: [], total: 0, withEntries: 0, page: 1, per: per)
        }
        let index = try await sql.raw("SELECT r.id AS rid, r.session, r.paragraph, p.id " + from).all()
        var keys: [Key] = []
        var withEntries = 0
        for row in index {
            keys.append(
                Key(
                    id: try row.decode(column: "rid", as: Int.self),
                    session: try row.decode(column: "session", as: Int?.self),
                    paragraph: try row.decode(column: "paragraph", as: String?.self)))
            if try row.decode(column: "id", as: Int?.self) != nil { withEntries += 1 }
        }
        keys.sort(by: precedes)
        let pages = max(1, (keys.count + per - 1) / per)
        let current = min(max(1, page), pages)
        let ids = Array(keys.dropFirst((current - 1) * per).prefix(per).map(\.id))
        guard !ids.isEmpty else {
            return Page(rows: [], total: keys.count, withEntries: withEntries, page: current, per: per)
        }
        let rows = try await load(from + " AND r.id IN (\(binds: ids))", on: sql)
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        return Page(
            rows: rows.sorted {
                position[$0.recommendation.id, default: 0] < position[$1.recommendation.id, default: 0]
            },
            total: keys.count, withEntries: withEntries, page: current, per: per)
    }

    /// `FROM … WHERE …` of a view; nil when the state does not exist.
    static func fromClause(_ scope: Scope, includeDrafts: Bool, on sql: any SQLDatabase) async throws
        -> SQLQueryString?
    {
        let visibility: SQLQueryString = includeDrafts ? "" : " AND p.status = 'published'"
        let condition: SQLQueryString
        var join: SQLQueryString = "LEFT JOIN"
        switch scope {
        case .state(let name):
            guard let id = try await RecommendationSearch.stateID(named: name, on: sql) else { return nil }
            condition = "r.state_id = \(bind: id) AND r.kind = 'recommendation'"
        case .workingGroup(let id):
            condition = "p.working_group_id = \(bind: id)"
            join = "JOIN"
        case .leadOrganisation(let id):
            condition = "p.lead_organisation_id = \(bind: id)"
            join = "JOIN"
        }
        return "FROM recommendations r JOIN states s ON s.id = r.state_id " + join
            + """
             (plan_entries p JOIN working_groups g ON g.id = p.working_group_id) ON p.recommendation_id = r.id
            """ + visibility
                + """
                 LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id
                LEFT JOIN users u ON u.id = p.answered_by
                WHERE
                """ + " " + condition
    }

    /// The full rows of `from`, with terms, supporters and links.
    private static func load(_ from: SQLQueryString, on sql: any SQLDatabase) async throws -> [Row] {
        let query: SQLQueryString =
            """
            SELECT r.id AS rid, r.kind, s.name AS state_name, r.cycle, r.session, r.paragraph, r.text, r.response,
                   r.action_category, r.mechanism, r.recommending_states,
                   p.id, p.recommendation_id, p.working_group_id, g.name AS group_name, p.goal, p.expected_action,
                   p.indicators, p.lead_organisation_id, lo.name AS lead_name, p.other_mechanisms_national,
                   p.other_mechanisms_international, p.start_date, p.due_date, p.priority, p.cso_activities, p.status,
                   p.government_answer, p.government_comment, u.name AS answered_by_name, p.answered_at, p.version,
                   p.created_at, p.updated_at
            """ + " " + from
        let rows = try await sql.raw(query).all()
        var summaries: [RecommendationSummary] = []
        var entries: [PlanEntry?] = []
        for row in rows {
            summaries.append(try RecommendationSearch.summary(from: row, idColumn: "rid"))
            entries.append(try row.decode(column: "id", as: Int?.self) == nil ? nil : try PlanStore.entry(row))
        }
        try await RecommendationSearch.attachTerms(&summaries, on: sql)
        let completed = try await PlanStore(sql).complete(entries.compactMap { $0 })
        var byID: [Int: PlanEntry] = [:]
        for entry in completed { byID[entry.id] = entry }
        return zip(summaries, entries).map { summary, entry in
            Row(recommendation: summary, entry: entry.flatMap { byID[$0.id] })
        }
    }

    /// What the matrix is ordered by.
    struct Key {
        var id: Int
        var session: Int?
        var paragraph: String?

        init(id: Int, session: Int?, paragraph: String?) {
            self.id = id
            self.session = session
            self.paragraph = paragraph
        }

        init(_ summary: RecommendationSummary) {
            self.init(id: summary.id, session: summary.session, paragraph: summary.paragraph)
        }
    }

    /// Numbered paragraphs in report order (by session, then `108.9` before `108.42`); unnumbered ones after, by id.
    static func precedes(_ left: Key, _ right: Key) -> Bool {
        switch (left.paragraph, right.paragraph) {
        case (let a?, let b?):
            if left.session != right.session { return (left.session ?? 0) < (right.session ?? 0) }
            if a != b { return ParagraphOrder.less(a, b) }
            return left.id < right.id
        case (_?, nil): return true
        case (nil, _?): return false
        default: return left.id < right.id
        }
    }
}
