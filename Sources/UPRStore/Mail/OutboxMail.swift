import SQLKit

/// A row of the mail outbox: the mail as written (not yet encoded) and where its delivery stands.
public struct OutboxMail: Sendable, Equatable {
    public var id: Int
    /// What the mail is for (`password-reset`, `welcome`, later digests and reminders).
    public var kind: String
    public var recipientAddress: String
    public var recipientName: String
    public var subject: String
    /// The text; emptied once a `sensitive` mail (one carrying a reset link) is sent or given up.
    public var body: String
    public var messageID: String
    public var sensitive: Bool
    public var createdAt: String
    public var nextAttemptAt: String
    public var expiresAt: String?
    /// Delivery attempts begun so far (a claim counts as one).
    public var attempts: Int
    public var claimedBy: String?
    public var lastError: String?
    public var sentAt: String?
    public var failedAt: String?

    static let columns = """
        id, kind, recipient_address, recipient_name, subject, body, message_id, sensitive, created_at,
        next_attempt_at, expires_at, attempts, claimed_by, last_error, sent_at, failed_at
        """

    init(row: any SQLRow) throws {
        id = try row.decode(column: "id", as: Int.self)
        kind = try row.decode(column: "kind", as: String.self)
        recipientAddress = try row.decode(column: "recipient_address", as: String.self)
        recipientName = try row.decode(column: "recipient_name", as: String.self)
        subject = try row.decode(column: "subject", as: String.self)
        body = try row.decode(column: "body", as: String.self)
        messageID = try row.decode(column: "message_id", as: String.self)
        sensitive = try row.decode(column: "sensitive", as: Int.self) != 0
        createdAt = try row.decode(column: "created_at", as: String.self)
        nextAttemptAt = try row.decode(column: "next_attempt_at", as: String.self)
        expiresAt = try row.decode(column: "expires_at", as: String?.self)
        attempts = try row.decode(column: "attempts", as: Int.self)
        claimedBy = try row.decode(column: "claimed_by", as: String?.self)
        lastError = try row.decode(column: "last_error", as: String?.self)
        sentAt = try row.decode(column: "sent_at", as: String?.self)
        failedAt = try row.decode(column: "failed_at", as: String?.self)
    }
}
