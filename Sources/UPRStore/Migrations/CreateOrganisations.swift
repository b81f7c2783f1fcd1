/// Organisations of every kind, with the history of their names (ministries are renamed; old records must still
/// read right) and, for embassies, the state they represent.
struct CreateOrganisations: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE organisations (
                \(idColumn(kind)),
                name TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                represents_state_id BIGINT REFERENCES states(id),
                valid_from TEXT,
                valid_to TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE organisation_names (
                \(idColumn(kind)),
                organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                valid_from TEXT,
                valid_to TEXT
            )
            """,
            "CREATE INDEX organisation_names_organisation ON organisation_names (organisation_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        ["DROP TABLE organisation_names", "DROP TABLE organisations"]
    }
}
