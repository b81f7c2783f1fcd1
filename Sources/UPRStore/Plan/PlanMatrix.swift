import SQLKit
import UPRDomain

/// The implementation-plan matrix for one view: a state's recommendations, a working group's entries or a
/// ministry's entries, in report order. A fixed number of queries whatever the size, and the ordering is the
/// database's, so that a page and the whole view agree.
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
        public var lines: [Line]
        /// Recommendations in the whole view.
        public var total: Int
        /// Of those, how many have a (visible) plan entry.
        public var withEntries: Int
        /// Indicators tracking the view's (visible) entries, and how many of them pass all five SMART criteria.
        public var indicators: Int = 0
        public var smartIndicators: Int = 0
        /// The page shown (a page past the end shows the last one).
        public var page: Int
        public var per: Int

        public var pages: Int { max(1, (total + per - 1) / per) }
    }

    public var rows: [Row]

    /// The whole view (for the XLSX and CSV exports), with the recommendations' terms and the entries' supporters
    /// and links. Drafts are left out unless `includeDrafts` (the public sees published entries only).
    public static func load(_ scope: Scope, includeDrafts: Bool, on sql: any SQLDatabase) async throws -> PlanMatrix {
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
            """ + " " + entries(scope, includeDrafts: includeDrafts)
            + " LEFT JOIN working_groups g ON g.id = p.working_group_id"
            + " LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id LEFT JOIN users u ON u.id = p.answered_by"
            + " WHERE " + condition(scope) + " ORDER BY " + order(DatabaseKind(sql))
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
        return PlanMatrix(
            rows: zip(summaries, entries).map { summary, entry in
                Row(recommendation: summary, entry: entry.flatMap { byID[$0.id] })
            })
    }

    /// One page of the view with the counts of the whole view, in one query: the view's ids and sort keys once
    /// (`v`), this page's ids by a top-N sort of those, the counts of `v`, and the shown columns joined for the
    /// page's rows only (through the same entry join, so a draft stays hidden from whoever may not read drafts). A
    /// page costs about the same for a state with 50 recommendations as for one with 500.
    public static func page(
        _ scope: Scope, includeDrafts: Bool, page: Int, per: Int, on sql: any SQLDatabase
    ) async throws -> Page {
        let keys = sortKeys(DatabaseKind(sql))
        let columns = keys.enumerated().map { "\($1) AS k\($0)" }.joined(separator: ", ")
        func order(_ table: String) -> String {
            (0..<keys.count).map { "\(table)k\($0) NULLS FIRST" }.joined(separator: ", ") + ", \(table)id"
        }
        let entries = entries(scope, includeDrafts: includeDrafts)
        func fetch(_ page: Int) async throws -> [any SQLRow] {
            let query: SQLQueryString =
                "WITH v AS (SELECT r.id, p.id AS pid, \(unsafeRaw: columns) FROM recommendations r " + entries
                + " WHERE "
                + condition(scope)
                    + """
                    ), c AS (SELECT * FROM v ORDER BY \(unsafeRaw: order("")) LIMIT \(unsafeRaw: String(per)) OFFSET \(unsafeRaw: String((page - 1) * per)))
                    SELECT r.id AS rid, r.paragraph, r.recommending_states, r.text, r.response, p.id, p.status, p.goal,
                           p.expected_action, p.indicators, p.other_mechanisms_national, p.other_mechanisms_international,
                           lo.name AS lead_name, p.government_answer, p.government_comment,
                           (SELECT COUNT(*) FROM v) AS total, (SELECT COUNT(pid) FROM v) AS with_entries,
                           (SELECT COUNT(*) FROM indicator_plan_entries ip WHERE ip.plan_entry_id = p.id) AS indicator_count,
                           (SELECT COUNT(*) FROM indicator_plan_entries ip JOIN indicators i ON i.id = ip.indicator_id
                            WHERE ip.plan_entry_id = p.id AND i.smart_ok = 1) AS smart_count,
                           (SELECT COUNT(DISTINCT ip.indicator_id) FROM indicator_plan_entries ip
                            JOIN v ON v.pid = ip.plan_entry_id) AS view_indicators,
                           (SELECT COUNT(DISTINCT ip.indicator_id) FROM indicator_plan_entries ip
                            JOIN v ON v.pid = ip.plan_entry_id JOIN indicators i ON i.id = ip.indicator_id
                            WHERE i.smart_ok = 1) AS view_smart
                    FROM c JOIN recommendations r ON r.id = c.id
                    """ + " " + entries
                + " LEFT JOIN organisations lo ON lo.id = p.lead_organisation_id ORDER BY \(unsafeRaw: order("c."))"
            return try await sql.raw(query).all()
        }
        var current = max(1, page)
        var rows = try await fetch(current)
        if rows.isEmpty && current > 1 {
            // Past the end: show the last page (the count needs a row to ride on, so ask for the first one).
            let total = try await fetch(1).first?.decode(column: "total", as: Int.self) ?? 0
            current = max(1, (total + per - 1) / per)
            rows = try await fetch(current)
        }
        let first = rows.first
        var lines = try rows.map(Line.init(row:))
        try await attachMechanismLines(&lines, on: sql)
        return Page(
            lines: lines, total: try first?.decode(column: "total", as: Int.self) ?? 0,
            withEntries: try first?.decode(column: "with_entries", as: Int.self) ?? 0,
            indicators: try first?.decode(column: "view_indicators", as: Int.self) ?? 0,
            smartIndicators: try first?.decode(column: "view_smart", as: Int.self) ?? 0, page: current, per: per)
    }

    /// Fills each entry's accepted links to other mechanisms, in one query for the page.
    static func attachMechanismLines(_ lines: inout [Line], on sql: any SQLDatabase) async throws {
        var position: [Int: Int] = [:]
        for (index, line) in lines.enumerated() {
            if let id = line.entry?.id { position[id] = index }
        }
        guard !position.isEmpty else { return }
        let decisions = try await PlanStore.mechanismDecisions(
            of: position.keys.sorted(), acceptedOnly: true, on: sql)
        for (entryID, _, match) in decisions {
            guard let index = position[entryID] else { continue }
            lines[index].entry?.mechanismLines.append(match.line)
        }
    }

    /// The join of the plan entries a view shows: all of them for a state, only the view's for a group or ministry.
    /// A plain join on the entry's unique recommendation (a parenthesised join with the groups made SQLite build a
    /// temporary index on every query).
    static func entries(_ scope: Scope, includeDrafts: Bool) -> SQLQueryString {
        let join: SQLQueryString =
            switch scope {
            case .state: "LEFT JOIN"
            case .workingGroup, .leadOrganisation: "JOIN"
            }
        let visibility: SQLQueryString = includeDrafts ? "" : " AND p.status = 'published'"
        return join + " plan_entries p ON p.recommendation_id = r.id" + visibility
    }

    /// The rows of a view (none for a state that does not exist).
    static func condition(_ scope: Scope) -> SQLQueryString {
        switch scope {
        case .state(let name):
            "r.state_id = (SELECT id FROM states WHERE LOWER(name) = LOWER(\(bind: name))) AND r.kind = 'recommendation'"
        case .workingGroup(let id): "p.working_group_id = \(bind: id)"
        case .leadOrganisation(let id): "p.lead_organisation_id = \(bind: id)"
        }
    }

    /// Report order: numbered paragraphs first, by session and then number by number (`108.9` before `108.42`, as
    /// `ParagraphOrder` compares them), then unnumbered recommendations by id (the last key). The numbers are read by
    /// each engine its own way: SQLite's CAST takes a leading integer, PostgreSQL's needs a regular expression. A
    /// missing number sorts first, so `108.42` comes before `108.42.1`.
    static func sortKeys(_ kind: DatabaseKind) -> [String] {
        let numbers: [String]
        switch kind {
        case .sqlite:
            let second = "substr(r.paragraph, instr(r.paragraph, '.') + 1)"
            let third = "substr(\(second), instr(\(second), '.') + 1)"
            numbers = [
                "CAST(r.paragraph AS INTEGER)",
                "CASE WHEN instr(r.paragraph, '.') > 0 THEN CAST(\(second) AS INTEGER) END",
                "CASE WHEN instr(r.paragraph, '.') > 0 AND instr(\(second), '.') > 0 THEN CAST(\(third) AS INTEGER) END",
            ]
        case .postgres:
            numbers = [
                "CAST(substring(r.paragraph from '^[0-9]+') AS BIGINT)",
                "CAST(substring(r.paragraph from '^[^.]*\\.([0-9]+)') AS BIGINT)",
                "CAST(substring(r.paragraph from '^[^.]*\\.[^.]*\\.([0-9]+)') AS BIGINT)",
            ]
        }
        return ["(r.paragraph IS NULL)", "CASE WHEN r.paragraph IS NULL THEN 0 ELSE COALESCE(r.session, 0) END"]
            + numbers
    }

    /// `ORDER BY` of the whole view.
    static func order(_ kind: DatabaseKind) -> SQLQueryString {
        SQLQueryString(sortKeys(kind).map { $0 + " NULLS FIRST" }.joined(separator: ", ") + ", r.id")
    }
}
