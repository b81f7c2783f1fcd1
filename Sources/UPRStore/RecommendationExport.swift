import SQLKit
import UPRDomain

/// Every field of every recommendation (optionally of one state), for `upr export`.
public struct RecommendationExport: Sendable, Codable {
    public struct Row: Sendable, Codable, Equatable {
        public var id: Int
        public var kind: String
        public var stateUnderReview: String
        public var cycle: Int?
        public var session: Int?
        public var reportSymbol: String?
        public var paragraph: String?
        public var text: String
        public var recommendingStates: [String]
        public var response: String
        public var responseSource: String?
        public var actionCategory: Int?
        public var mechanism: String
        public var clusters: [String]
        public var issues: [String]
        public var themes: [String]
        public var affectedPersons: [String]
        public var sdgs: [String]
    }
    public var rows: [Row]

    public static let csvHeader = [
        "id", "kind", "state_under_review", "cycle", "session", "report_symbol", "paragraph", "text",
        "recommending_states", "response", "response_source", "action_category", "mechanism", "clusters", "issues",
        "themes", "affected_persons", "sdgs",
    ]

    public static func load(state: String?, on sql: any SQLDatabase) async throws -> RecommendationExport {
        var condition: SQLQueryString = ""
        if let state {
            guard let id = try await StateDirectory.id(named: state, on: sql) else {
                return RecommendationExport(rows: [])
            }
            condition = " WHERE r.state_id = \(bind: id)"
        }
        let records = try await sql.raw(
            """
            SELECT r.id, r.kind, s.name AS state_name, r.cycle, r.session, v.report_symbol, r.paragraph, r.text,
                   r.recommending_states, r.response, r.response_source, r.action_category, r.mechanism
            FROM recommendations r JOIN states s ON s.id = r.state_id JOIN reviews v ON v.id = r.review_id
            """ + condition + " ORDER BY s.name, r.session, r.id"
        ).all()
        let terms = try await sql.raw(
            """
            SELECT rt.recommendation_id, t.taxonomy, t.code, t.name FROM recommendation_terms rt
            JOIN taxonomy_terms t ON t.id = rt.term_id
            JOIN recommendations r ON r.id = rt.recommendation_id
            """ + condition + " ORDER BY rt.recommendation_id, t.position"
        ).all()
        var termsByID: [Int: [(String, String, String)]] = [:]
        for row in terms {
            termsByID[try row.decode(column: "recommendation_id", as: Int.self), default: []].append(
                (
                    try row.decode(column: "taxonomy", as: String.self),
                    try row.decode(column: "code", as: String.self),
                    try row.decode(column: "name", as: String.self)
                ))
        }
        let rows = try records.map { row -> Row in
            let id = try row.decode(column: "id", as: Int.self)
            let linked = termsByID[id] ?? []
            func names(_ taxonomy: Taxonomy, code: Bool = false) -> [String] {
                linked.filter { $0.0 == taxonomy.rawValue }.map { code ? $0.1 : $0.2 }
            }
            let states = try row.decode(column: "recommending_states", as: String.self)
            return Row(
                id: id, kind: try row.decode(column: "kind", as: String.self),
                stateUnderReview: try row.decode(column: "state_name", as: String.self),
                cycle: try row.decode(column: "cycle", as: Int?.self),
                session: try row.decode(column: "session", as: Int?.self),
                reportSymbol: try row.decode(column: "report_symbol", as: String?.self),
                paragraph: try row.decode(column: "paragraph", as: String?.self),
                text: try row.decode(column: "text", as: String.self),
                recommendingStates: states.isEmpty ? [] : states.components(separatedBy: "; "),
                response: try row.decode(column: "response", as: String.self),
                responseSource: try row.decode(column: "response_source", as: String?.self),
                actionCategory: try row.decode(column: "action_category", as: Int?.self),
                mechanism: try row.decode(column: "mechanism", as: String.self),
                clusters: names(.cluster, code: true), issues: names(.issue), themes: names(.theme),
                affectedPersons: names(.affectedPersons), sdgs: names(.sdg, code: true))
        }
        return RecommendationExport(rows: rows)
    }

    /// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote or line break;
    /// list fields are joined with "; ".
    public func csv() -> String {
        var out = Self.csvHeader.map(CSVField.escape).joined(separator: ",") + "\r\n"
        for row in rows {
            let fields: [String] = [
                String(row.id), row.kind, row.stateUnderReview, row.cycle.map(String.init) ?? "",
                row.session.map(String.init) ?? "", row.reportSymbol ?? "", row.paragraph ?? "", row.text,
                row.recommendingStates.joined(separator: "; "), row.response, row.responseSource ?? "",
                row.actionCategory.map(String.init) ?? "", row.mechanism, row.clusters.joined(separator: "; "),
                row.issues.joined(separator: "; "), row.themes.joined(separator: "; "),
                row.affectedPersons.joined(separator: "; "), row.sdgs.joined(separator: "; "),
            ]
            out += fields.map(CSVField.escape).joined(separator: ",") + "\r\n"
        }
        return out
    }
}

/// Quoting of one CSV field.
public enum CSVField {
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
