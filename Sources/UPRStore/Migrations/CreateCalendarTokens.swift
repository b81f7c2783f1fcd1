/// The secret of each person's calendar feed. Calendar programs fetch the feed without a session, so the URL
/// carries a token; only its hash is kept, and a new one replaces the old.
struct CreateCalendarTokens: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE calendar_tokens (
                user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL
            )
            """
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE calendar_tokens"] }
}
