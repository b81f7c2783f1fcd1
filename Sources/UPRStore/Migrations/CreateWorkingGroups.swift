/// Thematic working groups and their member organisations. The seed's five clusters are the default groups.
struct CreateWorkingGroups: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE working_groups (
                \(idColumn(kind)),
                name TEXT NOT NULL UNIQUE,
                cluster TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE working_group_members (
                working_group_id BIGINT NOT NULL REFERENCES working_groups(id) ON DELETE CASCADE,
                organisation_id BIGINT NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
                PRIMARY KEY (working_group_id, organisation_id)
            )
            """,
            "CREATE INDEX working_group_members_organisation ON working_group_members (organisation_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        ["DROP TABLE working_group_members", "DROP TABLE working_groups"]
    }
}
