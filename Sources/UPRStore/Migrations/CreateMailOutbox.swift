/// Mail waiting to be sent, in the database so that it survives a restart and so that several server instances
/// share one queue: a row is claimed (`claimed_by`, `claimed_until`) before it is sent, and a claim that outlives its
/// lease (the sender died) lets another instance take the row over.
struct CreateMailOutbox: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE mail_outbox (
                \(idColumn(kind)),
                kind TEXT NOT NULL,
                recipient_address TEXT NOT NULL,
                recipient_name TEXT NOT NULL DEFAULT '',
                subject TEXT NOT NULL,
                body TEXT NOT NULL,
                message_id TEXT NOT NULL,
                sensitive INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                next_attempt_at TEXT NOT NULL,
                expires_at TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                claimed_by TEXT,
                claimed_until TEXT,
                last_error TEXT,
                sent_at TEXT,
                failed_at TEXT
            )
            """,
            // The delivery loop's question, "what is due?", only ever concerns unfinished rows.
            "CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE mail_outbox"] }
}
