import Foundation
import SQLKit
import UPRDomain

/// A row of the webhook outbox: one event for one hook, with the event's facts (from which every attempt builds the
/// same body) and where its delivery stands.
public struct OutboxWebhook: Sendable, Equatable {
    public var id: Int
    public var webhookID: Int
    public var webhookName: String
    public var url: String
    /// Shared by the deliveries of one event to several hooks, so that a receiver of two hooks can tell.
    public var eventID: String
    public var kind: NotificationStore.Kind
    public var occurredAt: String
    public var recommendationIDs: [Int]
    public var subjectKind: EntityKind
    public var subjectID: Int
    public var createdAt: String
    public var nextAttemptAt: String
    /// Delivery attempts begun so far (a claim counts as one).
    public var attempts: Int
    public var deliveredAt: String?
    public var failedAt: String?
    /// The receiver's last HTTP status; nil when it never answered (refused connection, timeout).
    public var lastStatus: Int?
    public var lastError: String?

    /// Read from `webhook_deliveries d JOIN webhooks w` (the claim's RETURNING names the columns of the table).
    static let columns = """
        id, webhook_id, event_id, event_kind, occurred_at, recommendation_ids, subject_kind, subject_id, created_at,
        next_attempt_at, attempts, delivered_at, failed_at, last_status, last_error
        """

    init(row: any SQLRow, hook: (name: String, url: String)) throws {
        id = try row.decode(column: "id", as: Int.self)
        webhookID = try row.decode(column: "webhook_id", as: Int.self)
        webhookName = hook.name
        url = hook.url
        eventID = try row.decode(column: "event_id", as: String.self)
        let kind = try row.decode(column: "event_kind", as: String.self)
        guard let known = NotificationStore.Kind(rawValue: kind) else {
            throw StoreError.missingRow("webhook event kind \(kind)")
        }
        self.kind = known
        occurredAt = try row.decode(column: "occurred_at", as: String.self)
        recommendationIDs = try row.decode(column: "recommendation_ids", as: String.self).split(separator: ",")
            .compactMap { Int($0) }
        let subject = try row.decode(column: "subject_kind", as: String.self)
        subjectKind = EntityKind(rawValue: subject) ?? .recommendation
        subjectID = try row.decode(column: "subject_id", as: Int.self)
        createdAt = try row.decode(column: "created_at", as: String.self)
        nextAttemptAt = try row.decode(column: "next_attempt_at", as: String.self)
        attempts = try row.decode(column: "attempts", as: Int.self)
        deliveredAt = try row.decode(column: "delivered_at", as: String?.self)
        failedAt = try row.decode(column: "failed_at", as: String?.self)
        lastStatus = try row.decode(column: "last_status", as: Int?.self)
        lastError = try row.decode(column: "last_error", as: String?.self)
    }

    /// Read with the hook's name and address alongside.
    init(joined row: any SQLRow) throws {
        try self.init(
            row: row,
            hook: (
                try row.decode(column: "webhook_name", as: String.self), try row.decode(column: "url", as: String.self)
            ))
    }
}
