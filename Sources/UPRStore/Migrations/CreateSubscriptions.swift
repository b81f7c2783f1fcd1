/// What each person follows (issue 6): a recommendation, a cluster, a ministry's entries or a state, named by a kind
/// and a key (an id, or a cluster code) so one table serves all four; one row per person and subject.
struct CreateSubscriptions: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE subscriptions (
                \(idColumn(kind)),
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                subject_kind TEXT NOT NULL,
                subject_key TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (user_id, subject_kind, subject_key)
            )
            """,
            // Fan-out asks "who follows these subjects?".
            "CREATE INDEX subscriptions_subject ON subscriptions (subject_kind, subject_key)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE subscriptions"] }
}
