/// The reminders and digests already sent. Its UNIQUE key is what makes each one go out once when several server
/// instances run the same pass on one database: each instance inserts the row with ON CONFLICT DO NOTHING in the
/// transaction that writes the notice and the mail, and writes them only when its insert created the row. On
/// PostgreSQL a second instance inserting the same key waits for the first one's transaction and then gets no row;
/// on SQLite writers take turns. `last_notification_id` is, for a digest, the newest notice it listed, so the next
/// digest starts after it.
struct CreateRemindersSent: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE reminders_sent (
                \(idColumn(kind)),
                kind TEXT NOT NULL,
                subject_id BIGINT NOT NULL,
                due_date TEXT NOT NULL,
                stage TEXT NOT NULL,
                recipient_user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                last_notification_id BIGINT,
                created_at TEXT NOT NULL,
                UNIQUE (kind, subject_id, due_date, stage, recipient_user_id)
            )
            """,
            "CREATE INDEX reminders_sent_recipient ON reminders_sent (recipient_user_id, kind)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE reminders_sent"] }
}
