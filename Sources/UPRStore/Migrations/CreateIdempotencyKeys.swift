/// The answers to API writes sent with an `Idempotency-Key`, so that a retried request changes nothing and gets
/// the first answer again, whichever instance it reaches. The row is inserted in the transaction of the write it
/// answers, and its UNIQUE key makes a second request with the same key, sent at the same time, fail and roll back
/// instead of writing twice. `request_hash` is the SHA-256 of the method, path and body: the same key with another
/// request is refused. Rows older than a day are no longer answered and are deleted as new ones come.
struct CreateIdempotencyKeys: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE idempotency_keys (
                \(idColumn(kind)),
                token_id BIGINT NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
                idempotency_key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                response_status INTEGER NOT NULL,
                response_headers TEXT NOT NULL,
                response_body TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (token_id, idempotency_key)
            )
            """,
            "CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE idempotency_keys"] }
}
