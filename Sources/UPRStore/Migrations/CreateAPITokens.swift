/// The tokens through which other systems use the API for an organisation (issue 17). Only the SHA-256 of the
/// secret is kept, as for sessions and calendar feeds: a leaked table or backup gives nobody a working token.
/// `scopes` holds the scope names separated by spaces; `expires_on` is the last day the token works (none: until
/// revoked); `last_used_at` is written at most once a minute per token.
struct CreateAPITokens: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE api_tokens (
                \(idColumn(kind)),
                organisation_id BIGINT NOT NULL REFERENCES organisations(id),
                name TEXT NOT NULL UNIQUE,
                scopes TEXT NOT NULL,
                token_hash TEXT NOT NULL UNIQUE,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                expires_on TEXT,
                revoked_at TEXT,
                last_used_at TEXT
            )
            """
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE api_tokens"] }
}
