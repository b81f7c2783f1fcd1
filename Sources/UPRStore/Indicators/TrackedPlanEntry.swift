import SQLKit
import UPRDomain

/// A plan entry an indicator tracks, as its page lists it: the entry, its recommendation's paragraph and status.
public struct TrackedPlanEntry: Sendable, Equatable {
    public var id: Int
    public var recommendationID: Int
    public var paragraph: String?
    public var status: PlanStatus
}

extension IndicatorStore {
    /// The plan entries of `ids`, in id order, in one query.
    public func trackedEntries(_ ids: [Int]) async throws -> [TrackedPlanEntry] {
        guard !ids.isEmpty else { return [] }
        return try await sql.raw(
            """
            SELECT p.id, r.paragraph, r.id AS rid, p.status FROM plan_entries p JOIN recommendations r
            ON r.id = p.recommendation_id WHERE p.id IN (\(binds: ids)) ORDER BY p.id
            """
        ).all().map { row in
            TrackedPlanEntry(
                id: try row.decode(column: "id", as: Int.self),
                recommendationID: try row.decode(column: "rid", as: Int.self),
                paragraph: try row.decode(column: "paragraph", as: String?.self),
                status: try row.decodeCode(PlanStatus.self, column: "status"))
        }
    }
}
