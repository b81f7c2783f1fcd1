/// The in-app inbox: one row per recipient and event, written in the transaction of the event. The text is a
/// catalog key with arguments, so each person reads it in their own language; the subject is a kind and an id
/// without a foreign key, so any later source (subscriptions, reminders) can fan out into the same table.
struct CreateNotifications: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE notifications (
                \(idColumn(kind)),
                recipient_user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                subject_kind TEXT NOT NULL,
                subject_id BIGINT NOT NULL,
                text_key TEXT NOT NULL,
                arguments TEXT NOT NULL DEFAULT '{}',
                created_at TEXT NOT NULL,
                read_at TEXT
            )
            """,
            "CREATE INDEX notifications_recipient ON notifications (recipient_user_id, read_at)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE notifications"] }
}
