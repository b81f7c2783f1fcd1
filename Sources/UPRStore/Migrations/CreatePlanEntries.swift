/// The implementation-plan matrix (annex 8.1 of the seed): one entry per recommendation, drafted by a working group
/// and answered by the responsible ministry.
struct CreatePlanEntries: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE plan_entries (
                \(idColumn(kind)),
                recommendation_id BIGINT NOT NULL UNIQUE REFERENCES recommendations(id),
                working_group_id BIGINT NOT NULL REFERENCES working_groups(id),
                goal TEXT NOT NULL DEFAULT '',
                expected_action TEXT NOT NULL DEFAULT '',
                indicators TEXT NOT NULL DEFAULT '',
                lead_organisation_id BIGINT REFERENCES organisations(id),
                other_mechanisms_national TEXT NOT NULL DEFAULT '',
                other_mechanisms_international TEXT NOT NULL DEFAULT '',
                start_date TEXT,
                due_date TEXT,
                priority TEXT,
                cso_activities TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'draft',
                government_answer TEXT,
                government_comment TEXT NOT NULL DEFAULT '',
                answered_by BIGINT REFERENCES users(id),
                answered_at TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                created_by BIGINT REFERENCES users(id),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX plan_entries_group ON plan_entries (working_group_id)",
            "CREATE INDEX plan_entries_lead ON plan_entries (lead_organisation_id)",
            """
            CREATE TABLE plan_entry_supporters (
                plan_entry_id BIGINT NOT NULL REFERENCES plan_entries(id) ON DELETE CASCADE,
                organisation_id BIGINT NOT NULL REFERENCES organisations(id),
                PRIMARY KEY (plan_entry_id, organisation_id)
            )
            """,
            """
            CREATE TABLE plan_entry_links (
                plan_entry_id BIGINT NOT NULL REFERENCES plan_entries(id) ON DELETE CASCADE,
                recommendation_id BIGINT NOT NULL REFERENCES recommendations(id),
                PRIMARY KEY (plan_entry_id, recommendation_id)
            )
            """,
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        ["DROP TABLE plan_entry_links", "DROP TABLE plan_entry_supporters", "DROP TABLE plan_entries"]
    }
}
