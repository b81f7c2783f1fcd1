/// What a working group decided about the recommendations of other mechanisms (treaty bodies, special procedures)
/// that say the same as its entry's UPR recommendation: `accepted` links fill the entry's "international" column of
/// the annex 8.1 matrix, `dismissed` ones are no longer suggested. A table rather than text in the column, so the
/// export, the report and the treaty-body recommendation's page can name each link by symbol and paragraph, and a
/// re-import that changes the registry's texts keeps the links.
struct CreatePlanEntryMechanisms: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE plan_entry_mechanisms (
                plan_entry_id BIGINT NOT NULL REFERENCES plan_entries(id) ON DELETE CASCADE,
                recommendation_id BIGINT NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
                decision TEXT NOT NULL,
                decided_by BIGINT REFERENCES users(id),
                decided_at TEXT NOT NULL,
                PRIMARY KEY (plan_entry_id, recommendation_id)
            )
            """,
            // The treaty-body recommendation's page lists the plan entries that accepted it.
            "CREATE INDEX plan_entry_mechanisms_recommendation ON plan_entry_mechanisms (recommendation_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE plan_entry_mechanisms"] }
}
