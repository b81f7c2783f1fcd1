import SQLKit
import UPRDomain

/// Two rounds side by side: how each organisation's status for each recommendation moved, and the counts by
/// perspective and status in each round. Rounds are snapshots, so the comparison of two closed rounds never
/// changes.
public struct RoundComparison: Sendable {
    public struct Change: Sendable, Equatable {
        public var recommendationID: Int
        public var paragraph: String?
        public var text: String
        public var organisation: String
        public var perspective: Perspective
        public var before: ImplementationStatus?
        public var after: ImplementationStatus?
        public var movement: StatusMovement
    }

    public var earlier: AssessmentRound
    public var later: AssessmentRound
    /// Every organisation-and-recommendation pair whose status is not the same in both rounds.
    public var changes: [Change]
    /// Pairs assessed the same in both rounds.
    public var unchanged: Int
    public var movements: [StatusMovement: Int]
    public var earlierCounts: [Perspective: [ImplementationStatus: Int]]
    public var laterCounts: [Perspective: [ImplementationStatus: Int]]

    /// Compares two rounds of the same state, the earlier one first whatever the order given.
    public static func load(_ a: AssessmentRound, _ b: AssessmentRound, on sql: any SQLDatabase) async throws
        -> RoundComparison
    {
        guard a.stateID == b.stateID else {
            throw StoreError.invalid(field: "to", messageKey: "assessment.error.compareStates")
        }
        let (earlier, later) = (a.heldOn, a.id) <= (b.heldOn, b.id) ? (a, b) : (b, a)
        let rows = try await sql.raw(
            """
            SELECT a.round_id, a.recommendation_id, a.organisation_id, a.status, o.name AS organisation_name,
                   o.kind AS organisation_kind, r.paragraph, r.text
            FROM assessments a JOIN organisations o ON o.id = a.organisation_id
            JOIN recommendations r ON r.id = a.recommendation_id
            WHERE a.round_id IN (\(bind: earlier.id), \(bind: later.id))
            ORDER BY a.recommendation_id, o.name
            """
        ).all()
        struct Key: Hashable {
            var recommendation: Int
            var organisation: Int
        }
        var pairs: [Key: Change] = [:]
        var order: [Key] = []
        var earlierCounts: [Perspective: [ImplementationStatus: Int]] = [:]
        var laterCounts: [Perspective: [ImplementationStatus: Int]] = [:]
        for row in rows {
            let key = Key(
                recommendation: try row.decode(column: "recommendation_id", as: Int.self),
                organisation: try row.decode(column: "organisation_id", as: Int.self))
            let status = ImplementationStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .noData
            let perspective = Perspective(
                OrganisationKind(rawValue: try row.decode(column: "organisation_kind", as: String.self)) ?? .cso)
            let isLater = try row.decode(column: "round_id", as: Int.self) == later.id
            if pairs[key] == nil {
                order.append(key)
                pairs[key] = Change(
                    recommendationID: key.recommendation,
                    paragraph: try row.decode(column: "paragraph", as: String?.self),
                    text: try row.decode(column: "text", as: String.self),
                    organisation: try row.decode(column: "organisation_name", as: String.self),
                    perspective: perspective,
                    before: nil, after: nil, movement: .same)
            }
            if isLater {
                pairs[key]?.after = status
                laterCounts[perspective, default: [:]][status, default: 0] += 1
            } else {
                pairs[key]?.before = status
                earlierCounts[perspective, default: [:]][status, default: 0] += 1
            }
        }
        var changes: [Change] = []
        var movements: [StatusMovement: Int] = [:]
        var unchanged = 0
        for key in order {
            guard var change = pairs[key], let movement = StatusMovement(from: change.before, to: change.after) else {
                continue
            }
            change.movement = movement
            movements[movement, default: 0] += 1
            if movement == .same { unchanged += 1 } else { changes.append(change) }
        }
        return RoundComparison(
            earlier: earlier, later: later, changes: changes, unchanged: unchanged, movements: movements,
            earlierCounts: earlierCounts, laterCounts: laterCounts)
    }
}
