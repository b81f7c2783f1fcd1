/// The append-only record of every change: who, when, what, and the details (JSON).
struct CreateAuditLog: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE audit_log (
                \(idColumn(kind)),
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entity_id TEXT,
                summary TEXT NOT NULL,
                details TEXT
            )
            """,
            "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE audit_log"] }
}
