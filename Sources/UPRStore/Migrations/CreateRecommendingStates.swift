/// The states that made each recommendation, in the order the source lists them.
struct CreateRecommendingStates: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE recommending_states (
                recommendation_id BIGINT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                state_id BIGINT NOT NULL REFERENCES states(id),
                PRIMARY KEY (recommendation_id, position)
            )
            """,
            "CREATE INDEX recommending_states_state ON recommending_states (state_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE recommending_states"] }
}
