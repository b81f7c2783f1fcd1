/// The SQLite full-text index reads the texts from `recommendations` instead of keeping a second copy of them
/// (FTS5 "external content"). The copy doubled what an import writes for every text; the index stays the same.
/// Writers that change a text remove its old terms first (see RecordWriter). PostgreSQL's index is a column of
/// the table already.
struct ExternalContentSearchIndex: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        switch kind {
        case .sqlite:
            [
                "DROP TABLE recommendations_fts",
                """
                CREATE VIRTUAL TABLE recommendations_fts USING fts5(
                    text, content = 'recommendations', content_rowid = 'id',
                    tokenize = 'porter unicode61 remove_diacritics 2'
                )
                """,
                "INSERT INTO recommendations_fts (recommendations_fts) VALUES ('rebuild')",
            ]
        case .postgres: []
        }
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        switch kind {
        case .sqlite:
            [
                "DROP TABLE recommendations_fts",
                """
                CREATE VIRTUAL TABLE recommendations_fts USING fts5(
                    text, tokenize = 'porter unicode61 remove_diacritics 2'
                )
                """,
                "INSERT INTO recommendations_fts (rowid, text) SELECT id, text FROM recommendations",
            ]
        case .postgres: []
        }
    }
}
