import SQLKit
import UPRDomain

/// Everything the recommendation page and `/api/v1/recommendations/{id}` show about one record.
public struct RecommendationDetail: Sendable, Codable, Equatable {
    public struct Term: Sendable, Codable, Equatable {
        public var taxonomy: String
        public var code: String
        public var name: String
        public var origin: String
        public var confidence: Double?
    }
    public struct ResponseEvent: Sendable, Codable, Equatable {
        public var response: Response
        public var effectiveDate: String?
        public var source: String?
        public var note: String?
        public var recordedAt: String
        public var recordedBy: String
    }
    public struct Source: Sendable, Codable, Equatable {
        public var fileName: String
        public var row: Int
        public var importedAt: String
        public var importID: Int
    }

    /// The recurrence group the recommendation belongs to: the same or nearly the same recommendation made to the
    /// state again, in another cycle or by another mechanism (what the `recurring` filter finds).
    public struct Recurrence: Sendable, Codable, Equatable {
        /// The ways the group recurs (`across-cycles`, `several-states`, `several-mechanisms`).
        public var kinds: [String]
        public var cycles: [Int]
        public var mechanisms: [String]
        /// Every member of the group, this one included, ascending.
        public var memberIDs: [Int]
    }

    public var recommendation: RecommendationSummary
    /// Who set the action category: `source`, `machine` (a classifier suggestion) or `confirmed` (a person).
    public var actionCategoryOrigin: String?
    /// The classifier's confidence in a suggested action category.
    public var actionCategoryConfidence: Double?
    public var recurrence: Recurrence?
    public var regionalGroup: String?
    public var reportSymbol: String?
    public var responseSource: String?
    public var version: Int
    public var createdAt: String
    public var updatedAt: String
    public var terms: [Term]
    public var responseHistory: [ResponseEvent]
    public var provenance: [Source]
    /// Other recommendations of the same report paragraph (`108.x` for `108.42`).
    public var sameParagraph: [RecommendationSummary]

    public static func load(id: Int, on sql: any SQLDatabase) async throws -> RecommendationDetail? {
        guard
            let row = try await sql.raw(
                """
                SELECT r.id, r.kind, s.name AS state_name, s.regional_group, r.cycle, r.session, r.paragraph, r.text,
                       r.response, r.action_category, r.mechanism, r.recommending_states, r.review_id,
                       r.response_source, r.version, r.created_at, r.updated_at, v.report_symbol,
                       r.action_category_origin, r.action_category_confidence, \(unsafeRaw: RecommendationSearch.uhriColumns)
                FROM recommendations r JOIN states s ON s.id = r.state_id JOIN reviews v ON v.id = r.review_id
                WHERE r.id = \(bind: id)
                """
            ).first()
        else { return nil }
        var summary = try RecommendationSearch.summary(from: row)
        let terms = try await sql.raw(
            """
            SELECT t.taxonomy, t.code, t.name, rt.origin, rt.confidence FROM recommendation_terms rt
            JOIN taxonomy_terms t ON t.id = rt.term_id WHERE rt.recommendation_id = \(bind: id)
            ORDER BY t.taxonomy, t.position
            """
        ).all().map {
            Term(
                taxonomy: try $0.decode(column: "taxonomy", as: String.self),
                code: try $0.decode(column: "code", as: String.self),
                name: try $0.decode(column: "name", as: String.self),
                origin: try $0.decode(column: "origin", as: String.self),
                confidence: try $0.decode(column: "confidence", as: Double?.self))
        }
        // The record's own terms carry the summary's clusters, issues and SDG targets: no second query for them.
        for term in terms { summary.add(taxonomy: term.taxonomy, code: term.code, name: term.name) }
        let history = try await sql.raw(
            """
            SELECT response, effective_date, source, note, recorded_at, recorded_by FROM response_events
            WHERE recommendation_id = \(bind: id)
            ORDER BY CASE WHEN effective_date IS NULL THEN 0 ELSE 1 END, effective_date, id
            """
        ).all().map {
            ResponseEvent(
                response: try $0.decodeCode(Response.self, column: "response"),
                effectiveDate: try $0.decode(column: "effective_date", as: String?.self),
                source: try $0.decode(column: "source", as: String?.self),
                note: try $0.decode(column: "note", as: String?.self),
                recordedAt: try $0.decode(column: "recorded_at", as: String.self),
                recordedBy: try $0.decode(column: "recorded_by", as: String.self))
        }
        let provenance = try await sql.raw(
            """
            SELECT p.file_name, p.row_number, p.import_id, i.finished_at FROM provenance p
            JOIN imports i ON i.id = p.import_id WHERE p.recommendation_id = \(bind: id) ORDER BY p.id
            """
        ).all().map {
            Source(
                fileName: try $0.decode(column: "file_name", as: String.self),
                row: try $0.decode(column: "row_number", as: Int.self),
                importedAt: try $0.decode(column: "finished_at", as: String.self),
                importID: try $0.decode(column: "import_id", as: Int.self))
        }
        var siblings: [RecommendationSummary] = []
        if let paragraph = summary.paragraph, let dot = paragraph.firstIndex(of: ".") {
            let prefix = String(paragraph[...dot])
            let reviewID = try row.decode(column: "review_id", as: Int.self)
            siblings = try await sql.raw(
                """
                SELECT r.id, r.kind, s.name AS state_name, r.cycle, r.session, r.paragraph, r.text, r.response,
                       r.action_category, r.mechanism, r.recommending_states
                FROM recommendations r JOIN states s ON s.id = r.state_id
                WHERE r.review_id = \(bind: reviewID) AND r.id <> \(bind: id) AND r.paragraph LIKE \(bind: prefix + "%")
                ORDER BY r.id LIMIT 200
                """
            ).all().map(RecommendationSearch.summary(from:))
            siblings.sort { ParagraphOrder.less($0.paragraph ?? "", $1.paragraph ?? "") }
        }
        return RecommendationDetail(
            recommendation: summary,
            actionCategoryOrigin: try row.decode(column: "action_category_origin", as: String?.self),
            actionCategoryConfidence: try row.decode(column: "action_category_confidence", as: Double?.self),
            recurrence: try await recurrence(of: id, on: sql),
            regionalGroup: try row.decode(column: "regional_group", as: String?.self),
            reportSymbol: try row.decode(column: "report_symbol", as: String?.self),
            responseSource: try row.decode(column: "response_source", as: String?.self),
            version: try row.decode(column: "version", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self),
            terms: terms, responseHistory: history, provenance: provenance, sameParagraph: siblings)
    }
}

extension RecommendationDetail {
    /// Whether a recommendation with this id is stored.
    public static func exists(id: Int, on sql: any SQLDatabase) async throws -> Bool {
        try await sql.raw("SELECT id FROM recommendations WHERE id = \(bind: id)").first() != nil
    }

    /// The group with all its members, in one query: one row per member.
    static func recurrence(of id: Int, on sql: any SQLDatabase) async throws -> Recurrence? {
        let rows = try await sql.raw(
            """
            SELECT g.kinds, g.cycles, g.mechanisms, other.recommendation_id FROM recurrence_members m
            JOIN recurrence_groups g ON g.id = m.group_id JOIN recurrence_members other ON other.group_id = g.id
            WHERE m.recommendation_id = \(bind: id) ORDER BY other.recommendation_id
            """
        ).all()
        guard let group = rows.first else { return nil }
        let members = try rows.map { try $0.decode(column: "recommendation_id", as: Int.self) }
        func list(_ column: String) throws -> [String] {
            try group.decode(column: column, as: String.self).split(separator: ",").map(String.init)
        }
        return Recurrence(
            kinds: try list("kinds"), cycles: try list("cycles").compactMap { Int($0) },
            mechanisms: try list("mechanisms"), memberIDs: members)
    }
}

/// Orders paragraph numbers as numbers: 108.9 before 108.10.
public enum ParagraphOrder {
    public static func less(_ a: String, _ b: String) -> Bool {
        let left = a.split(separator: ".").map { Int($0) ?? 0 }
        let right = b.split(separator: ".").map { Int($0) ?? 0 }
        return left.lexicographicallyPrecedes(right)
    }
}
