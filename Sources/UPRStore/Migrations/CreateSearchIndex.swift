/// Full-text search over recommendation texts: FTS5 on SQLite, a generated `tsvector` with a GIN index on
/// PostgreSQL. Both stem English words (porter / english), so the same query finds the same records.
struct CreateSearchIndex: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        switch kind {
        case .sqlite:
            [
                """
                CREATE VIRTUAL TABLE recommendations_fts USING fts5(
                    text, tokenize = 'porter unicode61 remove_diacritics 2'
                )
                """
            ]
        case .postgres:
            [
                """
                ALTER TABLE recommendations ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('english', text)) STORED
                """,
                "CREATE INDEX recommendations_search ON recommendations USING GIN (search_vector)",
            ]
        }
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        switch kind {
        case .sqlite: ["DROP TABLE recommendations_fts"]
        case .postgres: ["DROP INDEX recommendations_search", "ALTER TABLE recommendations DROP COLUMN search_vector"]
        }
    }
}
