import Foundation
import SQLKit

/// The durable mail queue. Writers add mail in their own transaction (so a mail exists exactly when the change that
/// caused it was committed); senders claim due rows atomically, so that with several server instances on one
/// database each mail is handed to the mail server by one instance only.
public struct MailOutbox: Sendable {
    let sql: any SQLDatabase

    public init(_ sql: any SQLDatabase) { self.sql = sql }

    /// Queues a mail, due at once. `expiresAt`: after it the mail is no longer worth sending (a reset link that has
    /// expired). `sensitive`: the body carries a secret and is emptied once the mail is finished with.
    @discardableResult
    public func enqueue(
        kind: String, recipientAddress: String, recipientName: String, subject: String, body: String,
        messageID: String, sensitive: Bool, expiresAt: Date?, now: Date = Date()
    ) async throws -> Int {
        let at = Timestamp.string(now)
        let row = try await sql.insert(into: "mail_outbox")
            .columns(
                "kind", "recipient_address", "recipient_name", "subject", "body", "message_id", "sensitive",
                "created_at", "next_attempt_at", "expires_at"
            )
            .values(
                kind, recipientAddress, recipientName, subject, body, messageID, sensitive ? 1 : 0, at, at,
                expiresAt.map(Timestamp.string)
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.missingRow("new mail") }
        return id
    }

    /// Claims up to `limit` due mails for `worker` until `now + lease`, and counts the attempt (`OutboxClaim`: each
    /// mail is claimed by one worker at a time).
    public func claim(worker: String, limit: Int, lease: TimeInterval, now: Date = Date()) async throws
        -> [OutboxMail]
    {
        let at = Timestamp.string(now)
        let claim = OutboxClaim(
            table: "mail_outbox",
            due: """
                sent_at IS NULL AND failed_at IS NULL AND (expires_at IS NULL OR expires_at > \(bind: at))
                """, columns: OutboxMail.columns)
        return try await claim.claim(worker: worker, limit: limit, lease: lease, now: now, on: sql)
            .map(OutboxMail.init(row:)).sorted { $0.id < $1.id }
    }

    /// Records a delivered mail; false when the claim was no longer this worker's.
    @discardableResult
    public func markSent(_ id: Int, worker: String, now: Date = Date()) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE mail_outbox SET sent_at = \(bind: Timestamp.string(now)), claimed_by = NULL, claimed_until = NULL,
                last_error = NULL, body = CASE WHEN sensitive = 1 THEN '' ELSE body END
            WHERE id = \(bind: id) AND claimed_by = \(bind: worker) RETURNING id
            """
        ).first() != nil
    }

    /// Records a failed attempt with its error: tried again at `retryAt`, or given up when that is nil.
    @discardableResult
    public func markFailed(_ id: Int, worker: String, error: String, retryAt: Date?, now: Date = Date())
        async throws -> Bool
    {
        let message = String(error.prefix(2000))
        let query: SQLQueryString
        if let retryAt {
            query = """
                UPDATE mail_outbox SET last_error = \(bind: message), next_attempt_at = \(bind: Timestamp.string(retryAt)),
                    claimed_by = NULL, claimed_until = NULL
                WHERE id = \(bind: id) AND claimed_by = \(bind: worker) RETURNING id
                """
        } else {
            query = """
                UPDATE mail_outbox SET last_error = \(bind: message), failed_at = \(bind: Timestamp.string(now)),
                    claimed_by = NULL, claimed_until = NULL, body = CASE WHEN sensitive = 1 THEN '' ELSE body END
                WHERE id = \(bind: id) AND claimed_by = \(bind: worker) RETURNING id
                """
        }
        return try await sql.raw(query).first() != nil
    }

    /// Gives up unsent mail whose time has passed (and that nobody is sending right now); returns how many.
    @discardableResult
    public func expireOverdue(now: Date = Date()) async throws -> Int {
        let at = Timestamp.string(now)
        return try await sql.raw(
            """
            UPDATE mail_outbox SET failed_at = \(bind: at),
                last_error = COALESCE(last_error || ' — ', '') || 'expired before it could be sent',
                body = CASE WHEN sensitive = 1 THEN '' ELSE body END
            WHERE sent_at IS NULL AND failed_at IS NULL AND expires_at IS NOT NULL AND expires_at <= \(bind: at)
              AND (claimed_until IS NULL OR claimed_until <= \(bind: at))
            RETURNING id
            """
        ).all().count
    }

    /// One mail, whatever its state.
    public func mail(id: Int) async throws -> OutboxMail? {
        try await sql.raw("SELECT \(unsafeRaw: OutboxMail.columns) FROM mail_outbox WHERE id = \(bind: id)").first()
            .map(OutboxMail.init(row:))
    }

    /// The most recent mails, newest first, for `upr mail status`.
    public func recent(limit: Int = 20) async throws -> [OutboxMail] {
        try await sql.raw(
            "SELECT \(unsafeRaw: OutboxMail.columns) FROM mail_outbox ORDER BY id DESC LIMIT \(bind: limit)"
        ).all().map(OutboxMail.init(row:))
    }

    /// How many mails wait, were sent, and were given up.
    public func counts() async throws -> (waiting: Int, sent: Int, failed: Int) {
        let row = try await sql.raw(
            """
            SELECT COUNT(*) - COUNT(sent_at) - COUNT(failed_at) AS waiting, COUNT(sent_at) AS sent,
                   COUNT(failed_at) AS failed
            FROM mail_outbox
            """
        ).first()
        return (
            try row?.decode(column: "waiting", as: Int.self) ?? 0, try row?.decode(column: "sent", as: Int.self) ?? 0,
            try row?.decode(column: "failed", as: Int.self) ?? 0
        )
    }
}
