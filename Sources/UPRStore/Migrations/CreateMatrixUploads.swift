/// Uploaded matrices waiting for the person to confirm the preview. Kept in the database, not in a process, so the
/// confirmation can reach any server instance.
struct CreateMatrixUploads: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE matrix_uploads (
                \(idColumn(kind)),
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                file_name TEXT NOT NULL,
                state_name TEXT NOT NULL,
                content TEXT NOT NULL,
                created_at TEXT NOT NULL,
                applied_at TEXT
            )
            """
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE matrix_uploads"] }
}
