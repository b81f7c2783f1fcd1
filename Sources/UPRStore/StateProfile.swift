import SQLKit

/// A state's page: its reviews with their response split, its recommendations by cluster, and how many it made.
public struct StateProfile: Sendable, Codable, Equatable {
    public struct Review: Sendable, Codable, Equatable {
        public var cycle: Int?
        public var session: Int?
        public var reportSymbol: String?
        public var reviewDate: String?
        public var supported: Int
        public var noted: Int
        public var pending: Int
        public var total: Int { supported + noted + pending }
    }

    public var name: String
    public var regionalGroup: String?
    public var reviews: [Review]
    public var received: Int
    public var byCluster: [RegistryStatistics.Count]
    /// Recommendations this state made to others.
    public var made: Int
    public var voluntaryPledges: Int

    public static func load(name: String, on sql: any SQLDatabase) async throws -> StateProfile? {
        guard
            let state = try await sql.raw(
                "SELECT id, name, regional_group FROM states WHERE LOWER(name) = LOWER(\(bind: name))"
            ).first()
        else { return nil }
        let id = try state.decode(column: "id", as: Int.self)
        let reviews = try await sql.raw(
            """
            SELECT v.cycle, v.session, v.report_symbol, v.review_date,
                   SUM(CASE WHEN r.response = 'supported' THEN 1 ELSE 0 END) AS supported,
                   SUM(CASE WHEN r.response = 'noted' THEN 1 ELSE 0 END) AS noted,
                   SUM(CASE WHEN r.response = 'pending' THEN 1 ELSE 0 END) AS pending
            FROM reviews v JOIN recommendations r ON r.review_id = v.id AND r.kind = 'recommendation'
            WHERE v.state_id = \(bind: id)
            GROUP BY v.id, v.cycle, v.session, v.report_symbol, v.review_date
            ORDER BY v.cycle, v.session
            """
        ).all().map {
            Review(
                cycle: try $0.decode(column: "cycle", as: Int?.self),
                session: try $0.decode(column: "session", as: Int?.self),
                reportSymbol: try $0.decode(column: "report_symbol", as: String?.self),
                reviewDate: try $0.decode(column: "review_date", as: String?.self),
                supported: try $0.decode(column: "supported", as: Int.self),
                noted: try $0.decode(column: "noted", as: Int.self),
                pending: try $0.decode(column: "pending", as: Int.self))
        }
        let clusters = try await sql.raw(
            """
            SELECT t.code AS k, COUNT(*) AS n FROM recommendations r
            JOIN recommendation_terms rt ON rt.recommendation_id = r.id
            JOIN taxonomy_terms t ON t.id = rt.term_id AND t.taxonomy = 'cluster'
            WHERE r.state_id = \(bind: id) AND r.kind = 'recommendation'
            GROUP BY t.code, t.position ORDER BY t.position
            """
        ).all().map {
            RegistryStatistics.Count(
                key: try $0.decode(column: "k", as: String.self), count: try $0.decode(column: "n", as: Int.self))
        }
        let counts = try await sql.raw(
            """
            SELECT
              (SELECT COUNT(*) FROM recommendations WHERE state_id = \(bind: id) AND kind = 'recommendation') AS received,
              (SELECT COUNT(*) FROM recommendations WHERE state_id = \(bind: id) AND kind = 'voluntary-pledge') AS pledges,
              (SELECT COUNT(*) FROM recommending_states WHERE state_id = \(bind: id)) AS made
            """
        ).first()
        return StateProfile(
            name: try state.decode(column: "name", as: String.self),
            regionalGroup: try state.decode(column: "regional_group", as: String?.self),
            reviews: reviews,
            received: try counts?.decode(column: "received", as: Int.self) ?? 0,
            byCluster: clusters,
            made: try counts?.decode(column: "made", as: Int.self) ?? 0,
            voluntaryPledges: try counts?.decode(column: "pledges", as: Int.self) ?? 0)
    }
}

/// The states list: every state with recommendations received and made.
public struct StateListing: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var name: String
        public var regionalGroup: String?
        public var received: Int
        public var made: Int
    }
    public var states: [Entry]

    public static func load(on sql: any SQLDatabase) async throws -> StateListing {
        let rows = try await sql.raw(
            """
            SELECT s.name, s.regional_group,
                   (SELECT COUNT(*) FROM recommendations r WHERE r.state_id = s.id AND r.kind = 'recommendation') AS received,
                   (SELECT COUNT(*) FROM recommending_states rs WHERE rs.state_id = s.id) AS made
            FROM states s ORDER BY s.name
            """
        ).all()
        return StateListing(
            states: try rows.map {
                Entry(
                    name: try $0.decode(column: "name", as: String.self),
                    regionalGroup: try $0.decode(column: "regional_group", as: String?.self),
                    received: try $0.decode(column: "received", as: Int.self),
                    made: try $0.decode(column: "made", as: Int.self))
            })
    }
}
