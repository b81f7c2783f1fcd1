/// The history of a recommendation's response: the first position and every later change, each with its source.
struct CreateResponseEvents: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE response_events (
                \(idColumn(kind)),
                recommendation_id BIGINT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
                response TEXT NOT NULL,
                effective_date TEXT,
                source TEXT,
                note TEXT,
                recorded_at TEXT NOT NULL,
                recorded_by TEXT NOT NULL
            )
            """,
            "CREATE INDEX response_events_recommendation ON response_events (recommendation_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE response_events"] }
}
