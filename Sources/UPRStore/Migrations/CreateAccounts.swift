/// People who sign in, their sessions (in the database, so every server instance sees them), failed sign-ins
/// (for throttling across instances) and password-reset tokens. Only hashes of session ids and tokens are stored.
struct CreateAccounts: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE users (
                \(idColumn(kind)),
                email TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                password_hash TEXT NOT NULL,
                role TEXT NOT NULL,
                organisation_id BIGINT REFERENCES organisations(id),
                totp_secret TEXT,
                totp_enabled INTEGER NOT NULL DEFAULT 0,
                totp_last_counter BIGINT,
                active INTEGER NOT NULL DEFAULT 1,
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE sessions (
                id_hash TEXT PRIMARY KEY,
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                two_factor_pending INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX sessions_user ON sessions (user_id)",
            """
            CREATE TABLE login_failures (
                \(idColumn(kind)),
                email TEXT NOT NULL,
                client TEXT NOT NULL,
                at TEXT NOT NULL
            )
            """,
            "CREATE INDEX login_failures_email ON login_failures (email, at)",
            "CREATE INDEX login_failures_client ON login_failures (client, at)",
            """
            CREATE TABLE password_resets (
                token_hash TEXT PRIMARY KEY,
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                expires_at TEXT NOT NULL,
                used_at TEXT
            )
            """,
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        ["DROP TABLE password_resets", "DROP TABLE login_failures", "DROP TABLE sessions", "DROP TABLE users"]
    }
}
