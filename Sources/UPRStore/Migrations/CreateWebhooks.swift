/// Webhooks (issue 17): the addresses the secretariat registered with the event kinds each wants, and the outbox
/// of their deliveries. `kinds` holds the kind names separated by spaces. `secret` is kept as it was made, not
/// hashed: the server needs it to sign every delivery (see the README). A delivery row is written in the
/// transaction of its event and keeps the event's facts, from which every attempt sends the same body; it is
/// claimed (`claimed_by`, `claimed_until`) before it is sent, like mail, so that each goes out from one instance.
struct CreateWebhooks: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE webhooks (
                \(idColumn(kind)),
                name TEXT NOT NULL,
                url TEXT NOT NULL,
                kinds TEXT NOT NULL,
                secret TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                disabled_at TEXT
            )
            """,
            """
            CREATE TABLE webhook_deliveries (
                \(idColumn(kind)),
                webhook_id BIGINT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
                event_id TEXT NOT NULL,
                event_kind TEXT NOT NULL,
                occurred_at TEXT NOT NULL,
                recommendation_ids TEXT NOT NULL,
                subject_kind TEXT NOT NULL,
                subject_id BIGINT NOT NULL,
                created_at TEXT NOT NULL,
                next_attempt_at TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                claimed_by TEXT,
                claimed_until TEXT,
                delivered_at TEXT,
                failed_at TEXT,
                last_status INTEGER,
                last_error TEXT
            )
            """,
            // The delivery loop's question, "what is due?", only ever concerns unfinished rows.
            """
            CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at)
            WHERE delivered_at IS NULL AND failed_at IS NULL
            """,
            "CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        ["DROP TABLE webhook_deliveries", "DROP TABLE webhooks"]
    }
}
