/// Files uploaded in the browser, kept between their preview and their application, and the work on them as jobs
/// any server instance may claim: in the database, not in a process, so several `upr serve` can share the queue.
struct CreateImportJobs: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE import_jobs (
                \(idColumn(kind)),
                user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
                actor TEXT NOT NULL,
                file_name TEXT NOT NULL,
                sha256 TEXT NOT NULL,
                size_bytes BIGINT NOT NULL,
                format TEXT NOT NULL,
                content TEXT,
                task TEXT NOT NULL,
                status TEXT NOT NULL,
                progress_done BIGINT NOT NULL DEFAULT 0,
                progress_total BIGINT NOT NULL DEFAULT 0,
                claimed_by TEXT,
                claimed_at TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                preview TEXT,
                import_ids TEXT,
                error TEXT,
                created_at TEXT NOT NULL,
                finished_at TEXT
            )
            """,
            "CREATE INDEX import_jobs_status ON import_jobs (status, id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE import_jobs"] }
}
