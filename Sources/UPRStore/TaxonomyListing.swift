import SQLKit
import UPRDomain

/// The taxonomy browser: the terms of one taxonomy with how many recommendations carry each.
public struct TaxonomyListing: Sendable, Codable, Equatable {
    public struct Entry: Sendable, Codable, Equatable {
        public var code: String
        public var name: String
        public var cluster: String?
        public var parentCode: String?
        public var count: Int
    }
    public var taxonomy: String
    public var terms: [Entry]

    public static func load(_ taxonomy: Taxonomy, on sql: any SQLDatabase) async throws -> TaxonomyListing {
        let rows = try await sql.raw(
            """
            SELECT t.code, t.name, t.cluster, t.parent_code, t.position, COUNT(rt.recommendation_id) AS n
            FROM taxonomy_terms t LEFT JOIN recommendation_terms rt ON rt.term_id = t.id
            WHERE t.taxonomy = \(bind: taxonomy.rawValue)
            GROUP BY t.id, t.code, t.name, t.cluster, t.parent_code, t.position
            ORDER BY t.position
            """
        ).all()
        return TaxonomyListing(
            taxonomy: taxonomy.rawValue,
            terms: try rows.map {
                Entry(
                    code: try $0.decode(column: "code", as: String.self),
                    name: try $0.decode(column: "name", as: String.self),
                    cluster: try $0.decode(column: "cluster", as: String?.self),
                    parentCode: try $0.decode(column: "parent_code", as: String?.self),
                    count: try $0.decode(column: "n", as: Int.self))
            })
    }
}
