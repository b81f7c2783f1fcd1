/// One review of a state: its session or report symbol identifies it (`review_key`).
struct CreateReviews: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE reviews (
                \(idColumn(kind)),
                state_id BIGINT NOT NULL REFERENCES states(id),
                review_key TEXT NOT NULL,
                cycle INTEGER,
                session INTEGER,
                report_symbol TEXT,
                review_date TEXT,
                UNIQUE (state_id, review_key)
            )
            """
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE reviews"] }
}
