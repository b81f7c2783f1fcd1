import SQLKit
import UPRDomain

/// The recommendations list and search: one filtered, sorted, paged and counted query, plus one for the page's
/// terms, in SQL because the filters combine freely and the full-text part differs by engine.
public enum RecommendationSearch {
    /// Runs a search; with a cache, a result computed at the database's current registry version is reused.
    public static func run(_ filter: RecommendationFilter, on sql: any SQLDatabase, cache: SearchCache?)
        async throws -> RecommendationPage
    {
        guard let cache else { return try await run(filter, on: sql) }
        // The version is read before the search: a write committed in between leaves a result filed under the
        // older version, which the next read of the version no longer matches. Never the other way round.
        let version = try await RegistryVersion.current(on: sql)
        if let page = cache.page(for: filter, version: version) { return page }
        let page = try await run(filter, on: sql)
        cache.store(page, for: filter, version: version)
        return page
    }

    public static func run(_ filter: RecommendationFilter, on sql: any SQLDatabase) async throws -> RecommendationPage {
        let kind = DatabaseKind(sql)
        let empty = RecommendationPage(total: 0, page: filter.page, per: filter.per, pages: 0, items: [])
        var conditions = conditions(for: filter)
        var from: SQLQueryString = "recommendations r"
        var rank: SQLQueryString = "NULL"
        if let q = filter.q {
            switch kind {
            case .sqlite:
                guard let match = SearchText.fts5(q) else { return empty }
                // CROSS JOIN fixes the order: matches first, then their rows. Left to itself the planner may walk
                // an index (say, every noted recommendation) and run the full-text query once per row.
                from = "recommendations_fts f CROSS JOIN recommendations r ON r.id = f.rowid"
                conditions.insert("recommendations_fts MATCH \(bind: match)", at: 0)
                rank = "f.rank"
            case .postgres:
                conditions.insert("r.search_vector @@ websearch_to_tsquery('english', \(bind: q))", at: 0)
                rank = "-ts_rank(r.search_vector, websearch_to_tsquery('english', \(bind: q)))"
            }
        }
        let whereClause: SQLQueryString =
            conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        // One statement finds the page and counts the matches: the inner part sorts ids and ranks only (not the
        // texts), with the count riding along as a window; the outer part reads the page's twenty rows whole.
        // With no condition at all the count is the table's, which needs no window over every row.
        let count: SQLQueryString =
            conditions.isEmpty ? "(SELECT COUNT(*) FROM recommendations)" : "COUNT(*) OVER ()"
        let innerOrder: SQLQueryString
        let outerOrder: SQLQueryString
        switch filter.effectiveSort {
        case .relevance:
            innerOrder = filter.q == nil ? "r.session DESC, r.id" : rank + ", r.id"
            outerOrder = filter.q == nil ? "r.session DESC, r.id" : "p.rank_value, r.id"
        case .newest:
            (innerOrder, outerOrder) = ("r.session DESC, r.state_id, r.id", "r.session DESC, r.state_id, r.id")
        case .oldest: (innerOrder, outerOrder) = ("r.session ASC, r.state_id, r.id", "r.session ASC, r.state_id, r.id")
        case .state:
            innerOrder = "(SELECT name FROM states WHERE id = r.state_id), r.session DESC, r.id"
            outerOrder = "s.name, r.session DESC, r.id"
        case .paragraph:
            innerOrder = "r.session DESC, r.state_id, r.paragraph, r.id"
            outerOrder = innerOrder
        }
        let offset = (filter.page - 1) * filter.per
        let rows = try await sql.raw(
            "WITH p AS (SELECT r.id, " + rank + " AS rank_value, " + count + " AS total_count FROM " + from
                + whereClause + " ORDER BY " + innerOrder + " LIMIT \(literal: filter.per) OFFSET \(literal: offset))"
                    + """
                     SELECT r.id, r.kind, s.name AS state_name, r.cycle, r.session, v.report_symbol, r.paragraph,
                            r.text, r.response, r.action_category, r.mechanism, r.recommending_states, p.total_count,
                            \(unsafeRaw: uhriColumns)
                     FROM p JOIN recommendations r ON r.id = p.id JOIN states s ON s.id = r.state_id
                     LEFT JOIN reviews v ON v.id = r.review_id
                     ORDER BY
                    """ + " " + outerOrder
        ).all()
        // A page past the end has no row to carry the count; only then is it counted on its own.
        let total: Int
        if let first = rows.first {
            total = try first.decode(column: "total_count", as: Int.self)
        } else if filter.page > 1 {
            total =
                try await sql.raw("SELECT COUNT(*) AS n FROM " + from + whereClause).first()?
                .decode(column: "n", as: Int.self) ?? 0
        } else {
            total = 0
        }
        var items = try rows.map(Self.summary(from:))
        try await attachTerms(&items, on: sql)
        let pages = (total + filter.per - 1) / filter.per
        return RecommendationPage(total: total, page: filter.page, per: filter.per, pages: pages, items: items)
    }

    /// The WHERE conditions of a filter. Names of states and terms are resolved inside the statement, so a search
    /// is one round trip; a name that does not exist resolves to NULL and matches nothing.
    static func conditions(for filter: RecommendationFilter) -> [SQLQueryString] {
        var conditions: [SQLQueryString] = []
        if let name = filter.state {
            conditions.append("r.state_id = (SELECT id FROM states WHERE LOWER(name) = LOWER(\(bind: name)))")
        }
        if let name = filter.recommendingState {
            conditions.append(
                """
                EXISTS (SELECT 1 FROM recommending_states rs WHERE rs.recommendation_id = r.id
                AND rs.state_id = (SELECT id FROM states WHERE LOWER(name) = LOWER(\(bind: name))))
                """
            )
        }
        if let cycle = filter.cycle { conditions.append("r.cycle = \(bind: cycle)") }
        if let session = filter.session { conditions.append("r.session = \(bind: session)") }
        if let response = filter.response { conditions.append("r.response = \(bind: response.rawValue)") }
        if let category = filter.actionCategory { conditions.append("r.action_category = \(bind: category.rawValue)") }
        if let recordKind = filter.kind { conditions.append("r.kind = \(bind: recordKind.rawValue)") }
        if let mechanism = filter.mechanism {
            conditions.append("r.mechanism IN (\(binds: mechanism.mechanisms.map(\.rawValue)))")
        }
        if let symbol = filter.symbol {
            // Symbols are written in capitals, but people type them as they please; the review is one row per
            // document, so the lookup stays small.
            conditions.append(
                "r.review_id IN (SELECT id FROM reviews WHERE UPPER(report_symbol) = \(bind: symbol.uppercased()))")
        }
        if let body = filter.body {
            // UHRI writes each body one way, but people type it as they please; LOWER is the same on both engines
            // for the ASCII names UHRI uses. The names are found in the body index (a few hundred distinct values
            // over every record), and the records by that index, not by lowering every row's name.
            conditions.append(
                """
                r.recommending_body IN (SELECT DISTINCT recommending_body FROM recommendations
                    WHERE LOWER(recommending_body) = LOWER(\(bind: body)))
                """
            )
        }
        if let recurring = filter.recurring {
            let madeAgain: SQLQueryString =
                "EXISTS (SELECT 1 FROM recurrence_members m WHERE m.recommendation_id = r.id)"
            conditions.append(recurring ? madeAgain : "NOT " + madeAgain)
        }
        if let cluster = filter.cluster {
            conditions.append(termCondition(taxonomies: [.cluster], codeOrName: cluster.rawValue))
        }
        if let issue = filter.issue {
            conditions.append(termCondition(taxonomies: [.issue, .theme], codeOrName: issue))
        }
        if let target = filter.sdgTarget {
            conditions.append(
                """
                EXISTS (SELECT 1 FROM recommendation_terms rt WHERE rt.recommendation_id = r.id AND rt.term_id = (
                    SELECT id FROM taxonomy_terms WHERE taxonomy = \(bind: Taxonomy.sdgTarget.rawValue)
                    AND code = \(bind: target.code)))
                """
            )
        }
        return conditions
    }

    private static func termCondition(taxonomies: [Taxonomy], codeOrName: String) -> SQLQueryString {
        """
        EXISTS (SELECT 1 FROM recommendation_terms rt WHERE rt.recommendation_id = r.id AND rt.term_id IN (
            SELECT id FROM taxonomy_terms WHERE taxonomy IN (\(binds: taxonomies.map(\.rawValue)))
            AND (code = \(bind: codeOrName) OR LOWER(name) = LOWER(\(bind: codeOrName))
                 OR code = \(bind: Slug.make(codeOrName)))))
        """
    }

    /// The UHRI columns a summary carries when a query reads them (the list and the record's page do).
    static let uhriColumns =
        "r.recommending_body, r.position_as_given, r.states_concerned, r.regions_concerned, r.publication_date, "
        + "r.indexed_date"

    static func summary(from row: any SQLRow) throws -> RecommendationSummary {
        try summary(from: row, idColumn: "id")
    }

    static func summary(from row: any SQLRow, idColumn: String) throws -> RecommendationSummary {
        let states = try row.decode(column: "recommending_states", as: String.self)
        var summary = RecommendationSummary(
            id: try row.decode(column: idColumn, as: Int.self),
            kind: try row.decodeCode(RecordKind.self, column: "kind"),
            stateUnderReview: try row.decode(column: "state_name", as: String.self),
            cycle: try row.decode(column: "cycle", as: Int?.self),
            session: try row.decode(column: "session", as: Int?.self),
            // Only the queries that show documents' symbols read them (the list, the record's page).
            reportSymbol: row.contains(column: "report_symbol")
                ? try row.decode(column: "report_symbol", as: String?.self) : nil,
            paragraph: try row.decode(column: "paragraph", as: String?.self),
            text: try row.decode(column: "text", as: String.self),
            recommendingStates: states.isEmpty ? [] : states.components(separatedBy: "; "),
            response: try row.decodeCode(Response.self, column: "response"),
            actionCategory: try row.decode(column: "action_category", as: Int?.self).flatMap(
                ActionCategory.init(rawValue:)),
            mechanism: try row.decodeCode(Mechanism.self, column: "mechanism"),
            clusters: [], issues: [])
        if row.contains(column: "recommending_body") {
            func list(_ column: String) throws -> [String] {
                try row.decode(column: column, as: String?.self)?.components(separatedBy: "; ") ?? []
            }
            summary.recommendingBody = try row.decode(column: "recommending_body", as: String?.self)
            summary.positionAsGiven = try row.decode(column: "position_as_given", as: String?.self)
            summary.statesConcerned = try list("states_concerned")
            summary.regionsConcerned = try list("regions_concerned")
            summary.publicationDate = try row.decode(column: "publication_date", as: String?.self)
            summary.indexedDate = try row.decode(column: "indexed_date", as: String?.self)
        }
        return summary
    }

    /// Adds clusters, issues and SDG targets to a page of results with one query for the whole page.
    static func attachTerms(_ items: inout [RecommendationSummary], on sql: any SQLDatabase) async throws {
        guard !items.isEmpty else { return }
        let rows = try await sql.raw(
            """
            SELECT rt.recommendation_id, t.taxonomy, t.code, t.name FROM recommendation_terms rt
            JOIN taxonomy_terms t ON t.id = rt.term_id
            WHERE rt.recommendation_id IN (\(binds: items.map(\.id))) AND t.taxonomy IN ('cluster', 'issue', 'sdg-target')
            ORDER BY t.position
            """
        ).all()
        var index: [Int: Int] = [:]
        for (position, item) in items.enumerated() { index[item.id] = position }
        for row in rows {
            guard let position = index[try row.decode(column: "recommendation_id", as: Int.self)] else { continue }
            items[position].add(
                taxonomy: try row.decode(column: "taxonomy", as: String.self),
                code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self))
        }
    }
}

extension RecommendationSummary {
    /// Files one of the record's terms where a summary shows it: its clusters, issues and SDG targets (other
    /// taxonomies are the record page's only).
    mutating func add(taxonomy: String, code: String, name: String) {
        switch taxonomy {
        case Taxonomy.cluster.rawValue: if let cluster = Cluster(rawValue: code) { clusters.append(cluster) }
        case Taxonomy.sdgTarget.rawValue: sdgTargets.append(code)
        case Taxonomy.issue.rawValue: issues.append(name)
        default: break
        }
    }
}
