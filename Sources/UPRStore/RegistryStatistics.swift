import SQLKit
import UPRDomain

/// The counts the home page, `upr stats` and `/api/v1/stats` show. Each is one GROUP BY in the database.
public struct RegistryStatistics: Sendable, Codable, Equatable {
    public struct Count: Sendable, Codable, Equatable {
        public var key: String
        public var count: Int
        public init(key: String, count: Int) {
            self.key = key
            self.count = count
        }
    }

    public var recommendations: Int
    public var voluntaryPledges: Int
    /// Concerns and observations (UHRI): kept and shown, never counted as recommendations.
    public var concernsObservations: Int
    public var states: Int
    /// Recommendations keyed by mechanism (`upr`, `cedaw`, …, `special-procedures`).
    public var byMechanism: [String: Int]
    /// Concerns and observations keyed by mechanism.
    public var concernsByMechanism: [String: Int]
    public var byResponse: [String: Int]
    /// Keyed by cycle number ("1"…"4").
    public var byCycle: [String: Int]
    /// Keyed by cluster code.
    public var byCluster: [String: Int]
    /// Keyed by state under review (all of them, or the largest `stateLimit`).
    public var byState: [String: Int]

    /// Dictionary entries largest first, ties by key: the order pages list them in.
    public static func ranked(_ counts: [String: Int]) -> [Count] {
        counts.map { Count(key: $0.key, count: $0.value) }.sorted { ($0.count, $1.key) > ($1.count, $0.key) }
    }

    public static func load(on sql: any SQLDatabase, stateLimit: Int? = nil) async throws -> RegistryStatistics {
        func counts(_ query: SQLQueryString) async throws -> [Count] {
            try await sql.raw(query).all().map {
                Count(
                    key: try $0.decode(column: "k", as: String?.self) ?? "",
                    count: try $0.decode(column: "n", as: Int.self))
            }
        }
        let kinds = try await counts("SELECT kind AS k, COUNT(*) AS n FROM recommendations GROUP BY kind")
        let responses = try await counts(
            "SELECT response AS k, COUNT(*) AS n FROM recommendations WHERE kind = 'recommendation' GROUP BY response")
        let cycles = try await counts(
            """
            SELECT CAST(cycle AS TEXT) AS k, COUNT(*) AS n FROM recommendations
            WHERE kind = 'recommendation' AND cycle IS NOT NULL GROUP BY cycle ORDER BY cycle
            """)
        let clusters = try await counts(
            """
            SELECT t.code AS k, COUNT(*) AS n FROM recommendation_terms rt
            JOIN taxonomy_terms t ON t.id = rt.term_id
            JOIN recommendations r ON r.id = rt.recommendation_id
            WHERE t.taxonomy = 'cluster' AND r.kind = 'recommendation'
            GROUP BY t.code, t.position ORDER BY t.position
            """)
        let limit: SQLQueryString = stateLimit.map { " LIMIT \(literal: $0)" } ?? ""
        let states = try await counts(
            """
            SELECT s.name AS k, COUNT(*) AS n FROM recommendations r JOIN states s ON s.id = r.state_id
            WHERE r.kind = 'recommendation' GROUP BY s.name ORDER BY n DESC, s.name
            """ + limit)
        let mechanisms = try await counts(
            """
            SELECT kind || '|' || mechanism AS k, COUNT(*) AS n FROM recommendations
            WHERE kind IN ('recommendation', 'concern-observation') GROUP BY kind, mechanism
            """)
        var byMechanism: [String: Int] = [:]
        var concernsByMechanism: [String: Int] = [:]
        for item in mechanisms {
            let parts = item.key.split(separator: "|", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            if parts[0] == RecordKind.recommendation.rawValue {
                byMechanism[parts[1]] = item.count
            } else {
                concernsByMechanism[parts[1]] = item.count
            }
        }
        let stateCount =
            try await sql.raw(
                "SELECT COUNT(DISTINCT state_id) AS n FROM recommendations"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        var byResponse = ["supported": 0, "noted": 0, "pending": 0]
        for item in responses { byResponse[item.key] = item.count }
        return RegistryStatistics(
            recommendations: kinds.first { $0.key == "recommendation" }?.count ?? 0,
            voluntaryPledges: kinds.first { $0.key == "voluntary-pledge" }?.count ?? 0,
            concernsObservations: kinds.first { $0.key == RecordKind.concernObservation.rawValue }?.count ?? 0,
            states: stateCount, byMechanism: byMechanism, concernsByMechanism: concernsByMechanism,
            byResponse: byResponse, byCycle: dictionary(cycles), byCluster: dictionary(clusters),
            byState: dictionary(states))
    }

    private static func dictionary(_ counts: [Count]) -> [String: Int] {
        Dictionary(counts.map { ($0.key, $0.count) }, uniquingKeysWith: +)
    }
}
