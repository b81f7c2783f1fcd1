/// Requests per API token per minute, counted in the database so that the limit holds for the token however many
/// server instances its requests reach. One row per token and minute; rows of past minutes are deleted as the
/// next minute's first request comes.
struct CreateAPIRateWindows: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE api_rate_windows (
                token_id BIGINT NOT NULL REFERENCES api_tokens(id) ON DELETE CASCADE,
                window_start BIGINT NOT NULL,
                requests INTEGER NOT NULL,
                PRIMARY KEY (token_id, window_start)
            )
            """
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE api_rate_windows"] }
}
