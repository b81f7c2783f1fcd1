/// Which file and row each recommendation was read from, per import.
struct CreateProvenance: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE provenance (
                \(idColumn(kind)),
                recommendation_id BIGINT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
                import_id BIGINT NOT NULL REFERENCES imports(id),
                file_name TEXT NOT NULL,
                row_number INTEGER NOT NULL
            )
            """,
            "CREATE INDEX provenance_recommendation ON provenance (recommendation_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE provenance"] }
}
