import Foundation
import SQLKit
import UPRDomain

extension PlanStore {
    /// Records the working group's decision about recommendation `recommendationID` of another mechanism for entry
    /// `id` (nil takes a decision back), if nobody saved the entry since `version`: a change of the entry like any
    /// other, so it bumps the version and the audit log shows the column before and after.
    public func decide(
        _ id: Int, version: Int, recommendationID: Int, decision: MechanismDecision?, userID: Int?, actor: String
    ) async throws {
        guard let before = try await entry(id: id) else { throw StoreError.missingRow("plan entry \(id)") }
        // Only a recommendation to the same state from the other side (a treaty body's for a UPR one) can be the
        // same recommendation by another mechanism; anything else in the form (a concern or observation among
        // them, which recommends nothing) is refused, not stored.
        let sides = try await sql.raw(
            """
            SELECT r.state_id, r.mechanism, r.kind FROM recommendations r
            WHERE r.id IN (\(bind: before.recommendationID), \(bind: recommendationID))
            """
        ).all().map {
            (
                try $0.decode(column: "state_id", as: Int.self), try $0.decode(column: "mechanism", as: String.self),
                try $0.decode(column: "kind", as: String.self)
            )
        }
        let upr = Mechanism.upr.rawValue
        guard recommendationID != before.recommendationID, sides.count == 2, sides[0].0 == sides[1].0,
            (sides[0].1 == upr) != (sides[1].1 == upr),
            !sides.contains(where: { $0.2 == RecordKind.concernObservation.rawValue })
        else { throw StoreError.invalid(field: "recommendationID", messageKey: "mechanisms.error.target") }
        _ = try await VersionedUpdate.run(table: "plan_entries", id: id, expected: version, values: [], on: sql)
        try await sql.delete(from: "plan_entry_mechanisms").where("plan_entry_id", .equal, id)
            .where("recommendation_id", .equal, recommendationID).run()
        if let decision {
            try await sql.insert(into: "plan_entry_mechanisms")
                .columns("plan_entry_id", "recommendation_id", "decision", "decided_by", "decided_at")
                .values(id, recommendationID, decision.rawValue, userID, Timestamp.string(Date())).run()
        }
        guard let after = try await entry(id: id) else { throw StoreError.missingRow("plan entry \(id)") }
        let summary: String =
            switch decision {
            case .accepted?: "Other mechanism accepted: #\(recommendationID)"
            case .dismissed?: "Other mechanism dismissed: #\(recommendationID)"
            case nil: "Other mechanism decision withdrawn: #\(recommendationID)"
            }
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "update", entity: .planEntry, entityID: id, summary: summary,
            before: Self.mechanismText(before), after: Self.mechanismText(after))
        // Accepting or withdrawing a link changes the entry's "international" column, which its followers read; a
        // dismissed suggestion changes nothing they see.
        if decision != .dismissed {
            try await tellFollowers(entry: id, textKey: "notification.planEdited", excluding: userID)
        }
    }

    /// The decisions as the audit log and the history page show them.
    static func mechanismText(_ entry: PlanEntry) -> [String: String?] {
        [
            "otherMechanismsLinks": entry.mechanismLinks.map(\.line).joined(separator: "\n"),
            "otherMechanismsDismissed": entry.dismissedMechanismIDs.map { "#\($0)" }.joined(separator: ", "),
        ]
    }
}
