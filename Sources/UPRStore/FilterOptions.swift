import SQLKit
import UPRDomain

/// The choices the filter form offers: only values that occur in the data, so no choice leads to an empty list.
public struct FilterOptions: Sendable, Codable, Equatable {
    public struct Term: Sendable, Codable, Equatable {
        public var taxonomy: String
        public var code: String
        public var name: String
    }
    public var statesUnderReview: [String]
    public var recommendingStates: [String]
    public var sessions: [Int]
    public var terms: [Term]
    /// The mechanisms that made at least one record, in `Mechanism`'s order.
    public var mechanisms: [Mechanism]
    /// Whether any record comes from a document with a UN symbol, so that asking for one can find something.
    public var hasSymbols: Bool
    /// The bodies UHRI names on at least one record (`CEDAW`, `CRC-OP-SC`, `SR on torture`), alphabetically.
    public var bodies: [String] = []
    /// The SDG targets at least one record is linked to, in the goals' order.
    public var sdgTargets: [SDGTarget] = []

    public static func load(on sql: any SQLDatabase) async throws -> FilterOptions {
        let underReview = try await sql.raw(
            "SELECT s.name FROM states s WHERE EXISTS (SELECT 1 FROM recommendations r WHERE r.state_id = s.id) ORDER BY s.name"
        ).all().map { try $0.decode(column: "name", as: String.self) }
        let recommending = try await sql.raw(
            "SELECT s.name FROM states s WHERE EXISTS (SELECT 1 FROM recommending_states rs WHERE rs.state_id = s.id) ORDER BY s.name"
        ).all().map { try $0.decode(column: "name", as: String.self) }
        let sessions = try await sql.raw(
            "SELECT DISTINCT session FROM recommendations WHERE session IS NOT NULL ORDER BY session"
        ).all().map { try $0.decode(column: "session", as: Int.self) }
        let terms = try await sql.raw(
            """
            SELECT t.taxonomy, t.code, t.name FROM taxonomy_terms t
            WHERE t.taxonomy IN ('issue', 'theme')
              AND EXISTS (SELECT 1 FROM recommendation_terms rt WHERE rt.term_id = t.id)
            ORDER BY t.taxonomy, t.name
            """
        ).all().map {
            Term(
                taxonomy: try $0.decode(column: "taxonomy", as: String.self),
                code: try $0.decode(column: "code", as: String.self),
                name: try $0.decode(column: "name", as: String.self))
        }
        let present = Set(
            try await sql.raw("SELECT DISTINCT mechanism FROM recommendations").all().map {
                try $0.decode(column: "mechanism", as: String.self)
            })
        let hasSymbols =
            try await sql.raw("SELECT 1 AS one FROM reviews WHERE report_symbol IS NOT NULL LIMIT 1").first() != nil
        let bodies = try await sql.raw(
            """
            SELECT DISTINCT recommending_body AS body FROM recommendations WHERE recommending_body IS NOT NULL
            ORDER BY recommending_body
            """
        ).all().map { try $0.decode(column: "body", as: String.self) }
        let targets = try await sql.raw(
            """
            SELECT t.code FROM taxonomy_terms t WHERE t.taxonomy = \(bind: Taxonomy.sdgTarget.rawValue)
              AND EXISTS (SELECT 1 FROM recommendation_terms rt WHERE rt.term_id = t.id)
            """
        ).all().compactMap { SDGTarget(code: try $0.decode(column: "code", as: String.self)) }
        return FilterOptions(
            statesUnderReview: underReview, recommendingStates: recommending, sessions: sessions, terms: terms,
            mechanisms: Mechanism.allCases.filter { present.contains($0.rawValue) }, hasSymbols: hasSymbols,
            bodies: bodies, sdgTargets: targets.sorted())
    }
}
