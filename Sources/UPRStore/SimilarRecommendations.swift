import SQLKit

/// A recommendation found similar to another, with its cosine similarity (TF-IDF over every stored text).
public struct SimilarRecommendation: Sendable, Codable, Equatable {
    public var score: Double
    public var recommendation: RecommendationSummary
}

/// What `/api/v1/recommendations/{id}/similar` returns.
public struct SimilarRecommendationList: Sendable, Codable, Equatable {
    public var recommendationID: Int
    /// Scores below this are not listed.
    public var minimumScore: Double
    public var items: [SimilarRecommendation]

    public init(recommendationID: Int, minimumScore: Double, items: [SimilarRecommendation]) {
        self.recommendationID = recommendationID
        self.minimumScore = minimumScore
        self.items = items
    }
}

/// The recommendations nearest to one recommendation's text.
public enum SimilarRecommendations {
    /// Below this cosine, texts share words but rarely ask for the same thing.
    public static let minimumScore = 0.3
    /// How many the recommendation page lists.
    public static let count = 10

    public enum Scope: Sendable {
        /// Any recommendation, to any state.
        case all
        /// Recommendations to the same state made in another cycle or by another mechanism: "was the same
        /// recommendation made by other mechanisms?" of the implementation plan.
        case sameStateElsewhere
    }

    /// The `top` nearest recommendations at or above `minimumScore`, best first; nil when no recommendation has this
    /// id. `terms: false` leaves out the clusters and issues of the summaries (a query the page does not need).
    public static func load(
        id: Int, scope: Scope = .all, top: Int = count, terms: Bool = true, cache: SimilarityCache,
        on sql: any SQLDatabase
    ) async throws -> [SimilarRecommendation]? {
        // The index is as new as the registry, so a recommendation it does not know does not exist.
        let corpus = try await cache.corpus(on: sql)
        guard let own = corpus.facts[id] else { return nil }
        let facts = corpus.facts
        let matches = corpus.index.neighbours(ofID: id, top: top, minimumScore: minimumScore) { other in
            switch scope {
            case .all: return true
            case .sameStateElsewhere:
                guard let fact = facts[other], fact.stateID == own.stateID else { return false }
                return fact.cycle != own.cycle || fact.mechanism != own.mechanism
            }
        }
        guard !matches.isEmpty else { return [] }
        var summaries = try await sql.raw(
            """
            SELECT r.id, r.kind, s.name AS state_name, r.cycle, r.session, r.paragraph, r.text, r.response,
                   r.action_category, r.mechanism, r.recommending_states
            FROM recommendations r JOIN states s ON s.id = r.state_id WHERE r.id IN (\(binds: matches.map(\.id)))
            """
        ).all().map(RecommendationSearch.summary(from:))
        if terms { try await RecommendationSearch.attachTerms(&summaries, on: sql) }
        let byID = Dictionary(uniqueKeysWithValues: summaries.map { ($0.id, $0) })
        // A recommendation may have gone since the index was built; the rest keep their order.
        return matches.compactMap { match in
            byID[match.id].map { SimilarRecommendation(score: match.score, recommendation: $0) }
        }
    }
}
