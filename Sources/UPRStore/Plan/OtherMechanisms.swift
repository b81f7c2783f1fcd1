import SQLKit
import UPRDomain

/// "Was the same recommendation made by other mechanisms?" of the implementation plan (annex 8.1): the treaty-body
/// and special-procedure recommendations to the same state whose text is close to a UPR recommendation's, and the
/// reverse. Cosine over the TF-IDF vectors of `SimilarityCache`, the index the recommendation page already uses, so
/// a suggestion costs one walk of the query's posting lists, not a scan of the registry; the cache rebuilds the
/// index only when an import changed the registry.
public enum OtherMechanisms {
    /// The default threshold (`UPR_OTHER_MECHANISMS_THRESHOLD`): a treaty body words a UPR recommendation its own
    /// way ("The Committee recommends that the State party …"), so the same request scores lower than two UPR
    /// recommendations do (0.3 on the recommendation page); below about 0.25 the pairs share a topic, not a request.
    public static let defaultMinimumScore = 0.25
    /// How many suggestions a page lists.
    public static let count = 10

    /// The suggestions for recommendation `id`, best first: for a UPR recommendation, the treaty-body and
    /// special-procedure recommendations to the same state at or above `minimumScore`; for one of theirs, the UPR
    /// ones. Those in `excluding` (already accepted or dismissed) are skipped inside the selection, so they do not
    /// take the places of others. Nil when no recommendation has this id.
    public static func suggestions(
        for id: Int, minimumScore: Double, top: Int = count, excluding: Set<Int> = [], cache: SimilarityCache,
        on sql: any SQLDatabase
    ) async throws -> [MechanismMatch]? {
        let corpus = try await cache.corpus(on: sql)
        guard let own = corpus.facts[id] else { return nil }
        // A concern or observation (a committee's finding) asks nothing of the state: it is neither the same
        // recommendation as a UPR one nor has one of its own. A voluntary pledge is the state's own promise, never
        // another mechanism's recommendation, though it may be offered some.
        let recommendation = RecordKind.recommendation.rawValue
        guard own.kind != RecordKind.concernObservation.rawValue else { return [] }
        let facts = corpus.facts
        let ownIsUPR = own.mechanism == Mechanism.upr.rawValue
        let matches = corpus.index.neighbours(ofID: id, top: top, minimumScore: minimumScore) { other in
            guard let fact = facts[other], fact.stateID == own.stateID, fact.kind == recommendation,
                !excluding.contains(other)
            else { return false }
            return (fact.mechanism == Mechanism.upr.rawValue) != ownIsUPR
        }
        guard !matches.isEmpty else { return [] }
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: MechanismMatch.columns) FROM recommendations r JOIN reviews v ON v.id = r.review_id
            WHERE r.id IN (\(binds: matches.map(\.id)))
            """
        ).all()
        let score = Dictionary(uniqueKeysWithValues: matches.map { ($0.id, $0.score) })
        let found = try rows.map { row in
            var match = try MechanismMatch(row: row)
            match.score = score[match.recommendationID]
            return match
        }
        let byID = Dictionary(uniqueKeysWithValues: found.map { ($0.recommendationID, $0) })
        // A recommendation may have gone since the index was built; the rest keep their order.
        return matches.compactMap { byID[$0.id] }
    }

    /// A plan entry that accepted a recommendation of another mechanism: the entry, whether it is published, and
    /// its UPR recommendation.
    public struct Acceptance: Sendable, Equatable {
        public var planEntryID: Int
        public var status: PlanStatus
        public var recommendation: MechanismMatch
    }

    /// The plan entries that accepted recommendation `id` (a treaty body's, say) as the same as theirs.
    public static func acceptances(of id: Int, on sql: any SQLDatabase) async throws -> [Acceptance] {
        try await sql.raw(
            """
            SELECT p.id AS entry_id, p.status, \(unsafeRaw: MechanismMatch.columns)
            FROM plan_entry_mechanisms m JOIN plan_entries p ON p.id = m.plan_entry_id
            JOIN recommendations r ON r.id = p.recommendation_id JOIN reviews v ON v.id = r.review_id
            WHERE m.recommendation_id = \(bind: id) AND m.decision = \(bind: MechanismDecision.accepted.rawValue)
            ORDER BY r.id
            """
        ).all().map { row in
            Acceptance(
                planEntryID: try row.decode(column: "entry_id", as: Int.self),
                status: PlanStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                recommendation: try MechanismMatch(row: row))
        }
    }
}
