import Foundation
import SQLKit
import UPRDomain

/// The durable queue of webhook deliveries. Every event the subscriptions fan out adds one row per hook that wants
/// its kind, in the event's own transaction (so a delivery exists exactly when its event was committed); senders
/// claim due rows atomically (`OutboxClaim`), so that with several server instances each delivery is sent by one.
public struct WebhookOutbox: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Queues the event for every enabled hook that asked for `kind`, due at once; returns the deliveries' numbers.
    @discardableResult
    public func enqueue(
        kind: NotificationStore.Kind, recommendationIDs: [Int], subjectKind: EntityKind, subjectID: Int,
        now: Date = Date()
    ) async throws -> [Int] {
        let hooks = try await sql.raw("SELECT id, kinds FROM webhooks WHERE disabled_at IS NULL ORDER BY id").all()
            .filter { Webhook.parse(try $0.decode(column: "kinds", as: String.self)).contains(kind) }
            .map { try $0.decode(column: "id", as: Int.self) }
        guard !hooks.isEmpty else { return [] }
        let at = Timestamp.string(now)
        let event = UUID().uuidString.lowercased()
        let recommendations = Array(Set(recommendationIDs)).sorted().map(String.init).joined(separator: ",")
        var ids: [Int] = []
        for hook in hooks {
            let row = try await sql.insert(into: "webhook_deliveries")
                .columns(
                    "webhook_id", "event_id", "event_kind", "occurred_at", "recommendation_ids", "subject_kind",
                    "subject_id", "created_at", "next_attempt_at"
                )
                .values(hook, event, kind.rawValue, at, recommendations, subjectKind.rawValue, subjectID, at, at)
                .returning("id").first()
            guard let id = try row?.decode(column: "id", as: Int.self) else {
                throw StoreError.missingRow("webhook delivery")
            }
            ids.append(id)
        }
        return ids
    }

    /// A claimed delivery with what sending it needs: its hook's address and secret.
    public struct Claimed: Sendable {
        public var delivery: OutboxWebhook
        public var secret: String
    }

    /// Claims up to `limit` due deliveries of enabled hooks for `worker` until `now + lease`, and counts the attempt.
    public func claim(worker: String, limit: Int, lease: TimeInterval, now: Date = Date()) async throws -> [Claimed] {
        let claim = OutboxClaim(
            table: "webhook_deliveries",
            due: """
                delivered_at IS NULL AND failed_at IS NULL
                AND webhook_id IN (SELECT id FROM webhooks WHERE disabled_at IS NULL)
                """, columns: OutboxWebhook.columns)
        let rows = try await claim.claim(worker: worker, limit: limit, lease: lease, now: now, on: sql)
        guard !rows.isEmpty else { return [] }
        let hookIDs = Array(Set(try rows.map { try $0.decode(column: "webhook_id", as: Int.self) })).sorted()
        var hooks: [Int: (name: String, url: String, secret: String)] = [:]
        for row in try await sql.raw(
            "SELECT id, name, url, secret FROM webhooks WHERE id IN (\(binds: hookIDs))"
        ).all() {
            hooks[try row.decode(column: "id", as: Int.self)] = (
                try row.decode(column: "name", as: String.self), try row.decode(column: "url", as: String.self),
                try row.decode(column: "secret", as: String.self)
            )
        }
        return try rows.compactMap { row in
            guard let hook = hooks[try row.decode(column: "webhook_id", as: Int.self)] else { return nil }
            return Claimed(delivery: try OutboxWebhook(row: row, hook: (hook.name, hook.url)), secret: hook.secret)
        }.sorted { $0.delivery.id < $1.delivery.id }
    }

    /// Records a delivery the receiver accepted; false when the claim was no longer this worker's.
    @discardableResult
    public func markDelivered(_ id: Int, worker: String, status: Int, now: Date = Date()) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE webhook_deliveries SET delivered_at = \(bind: Timestamp.string(now)), last_status = \(bind: status),
                last_error = NULL, claimed_by = NULL, claimed_until = NULL
            WHERE id = \(bind: id) AND claimed_by = \(bind: worker) RETURNING id
            """
        ).first() != nil
    }

    /// Records a failed attempt with the receiver's status (nil when it never answered) and the error: tried again
    /// at `retryAt`, or given up when that is nil.
    @discardableResult
    public func markFailed(
        _ id: Int, worker: String, status: Int?, error: String, retryAt: Date?, now: Date = Date()
    ) async throws -> Bool {
        let message = String(error.prefix(2000))
        let next: SQLQueryString =
            if let retryAt {
                "next_attempt_at = \(bind: Timestamp.string(retryAt))"
            } else {
                "failed_at = \(bind: Timestamp.string(now))"
            }
        return try await sql.raw(
            "UPDATE webhook_deliveries SET " + next
                + """
                , last_status = \(bind: status), last_error = \(bind: message), claimed_by = NULL, claimed_until = NULL
                WHERE id = \(bind: id) AND claimed_by = \(bind: worker) RETURNING id
                """
        ).first() != nil
    }
}
