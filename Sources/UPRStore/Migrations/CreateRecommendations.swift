/// Recommendations (and voluntary pledges). `natural_key` makes re-imports update instead of duplicate;
/// `content_hash` lets an import tell unchanged records apart without comparing every field; `version` guards
/// against lost updates once records are edited in the application.
struct CreateRecommendations: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE recommendations (
                \(idColumn(kind)),
                review_id BIGINT NOT NULL REFERENCES reviews(id),
                state_id BIGINT NOT NULL REFERENCES states(id),
                kind TEXT NOT NULL,
                cycle INTEGER,
                session INTEGER,
                paragraph TEXT,
                natural_key TEXT NOT NULL UNIQUE,
                text TEXT NOT NULL,
                response TEXT NOT NULL,
                response_source TEXT,
                action_category INTEGER,
                mechanism TEXT NOT NULL,
                recommending_states TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX recommendations_state ON recommendations (state_id, session)",
            "CREATE INDEX recommendations_review ON recommendations (review_id)",
            "CREATE INDEX recommendations_cycle ON recommendations (cycle)",
            "CREATE INDEX recommendations_session ON recommendations (session)",
            "CREATE INDEX recommendations_response ON recommendations (response)",
            "CREATE INDEX recommendations_action ON recommendations (action_category)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE recommendations"] }
}
