/// The discussion of recommendations and plan entries (issue 6): comments with their replies and mentions. The
/// subject is a kind and an id without a foreign key, like notifications, so later subjects need no migration. The
/// author's organisation is the one they belonged to when writing, kept even if they move.
struct CreateComments: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE comments (
                \(idColumn(kind)),
                subject_kind TEXT NOT NULL,
                subject_id BIGINT NOT NULL,
                parent_id BIGINT REFERENCES comments(id),
                author_user_id BIGINT REFERENCES users(id),
                author_organisation_id BIGINT REFERENCES organisations(id),
                body TEXT NOT NULL,
                visibility TEXT NOT NULL DEFAULT 'public',
                formal_answer INTEGER NOT NULL DEFAULT 0,
                hidden_at TEXT,
                hidden_by BIGINT REFERENCES users(id),
                hidden_reason TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            )
            """,
            // A thread is read as "the comments of subject X in the order they were written".
            "CREATE INDEX comments_thread ON comments (subject_kind, subject_id, id)",
            "CREATE INDEX comments_parent ON comments (parent_id)",
            """
            CREATE TABLE comment_mentions (
                \(idColumn(kind)),
                comment_id BIGINT NOT NULL REFERENCES comments(id) ON DELETE CASCADE,
                handle TEXT NOT NULL,
                user_id BIGINT REFERENCES users(id),
                organisation_id BIGINT REFERENCES organisations(id)
            )
            """,
            "CREATE INDEX comment_mentions_comment ON comment_mentions (comment_id)",
            "CREATE INDEX comment_mentions_user ON comment_mentions (user_id)",
            "CREATE INDEX comment_mentions_organisation ON comment_mentions (organisation_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        ["DROP TABLE comment_mentions", "DROP TABLE comments"]
    }
}
