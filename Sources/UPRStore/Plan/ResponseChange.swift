import Foundation
import SQLKit
import UPRDomain

/// A later change of the state's position on a recommendation (a noted recommendation accepted years on), with
/// its date and source; the recommendation page shows the whole timeline.
public enum ResponseChange {
    public static func record(
        recommendationID: Int, version: Int, response: Response, effectiveDate: String, source: String, note: String,
        actor: String, actorUserID: Int? = nil, on sql: any SQLDatabase
    ) async throws {
        guard PlanEntryFields.isDay(effectiveDate) else {
            throw StoreError.invalid(field: "effectiveDate", messageKey: "form.error.date")
        }
        let source = source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !source.isEmpty else { throw StoreError.invalid(field: "source", messageKey: "form.error.required") }
        guard source.count <= 500, note.count <= 5_000 else {
            throw StoreError.invalid(field: source.count > 500 ? "source" : "note", messageKey: "form.error.tooLong")
        }
        guard
            let row = try await sql.raw(
                "SELECT response, kind FROM recommendations WHERE id = \(bind: recommendationID)"
            ).first()
        else { throw StoreError.missingRow("recommendation \(recommendationID)") }
        let before = try row.decode(column: "response", as: String.self)
        // Nobody supports or notes a treaty body's finding; its page offers no change either.
        guard try row.decode(column: "kind", as: String.self) != RecordKind.concernObservation.rawValue else {
            throw StoreError.invalid(field: "response", messageKey: "response.error.concern")
        }
        _ = try await VersionedUpdate.run(
            table: "recommendations", id: recommendationID, expected: version,
            values: [("response", response.rawValue), ("response_source", source)], on: sql)
        try await sql.insert(into: "response_events")
            .columns("recommendation_id", "response", "effective_date", "source", "note", "recorded_at", "recorded_by")
            .values(recommendationID, response.rawValue, effectiveDate, source, note, Timestamp.string(Date()), actor)
            .run()
        try await AuditLog.recordChange(
            on: sql, actor: actor, action: "response-change", entity: .recommendation, entityID: recommendationID,
            summary: "Response changed from \(before) to \(response.rawValue) (\(source), \(effectiveDate))",
            before: ["response": before], after: ["response": response.rawValue])
        let subscriptions = SubscriptionStore(sql)
        try await subscriptions.fanOut(
            recommendationIDs: [recommendationID], kind: .responseChanged, textKey: "notification.responseChanged",
            arguments: ["recommendation": try await subscriptions.label(recommendationID: recommendationID)],
            excludingUserID: actorUserID)
    }
}
