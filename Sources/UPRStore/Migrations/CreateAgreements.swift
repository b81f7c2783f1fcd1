/// Agreements such as the seed's letter of intent: their text, date and signatory organisations. Their
/// commitments are action items (same owner, due date and status), linked by `action_items.agreement_id`.
struct CreateAgreements: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE agreements (
                \(idColumn(kind)),
                title TEXT NOT NULL,
                text TEXT NOT NULL DEFAULT '',
                signed_on TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE agreement_signatories (
                agreement_id BIGINT NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,
                organisation_id BIGINT NOT NULL REFERENCES organisations(id),
                PRIMARY KEY (agreement_id, organisation_id)
            )
            """,
            "ALTER TABLE action_items ADD COLUMN agreement_id BIGINT REFERENCES agreements(id)",
            "CREATE INDEX action_items_agreement ON action_items (agreement_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        [
            "DROP INDEX action_items_agreement", "ALTER TABLE action_items DROP COLUMN agreement_id",
            "DROP TABLE agreement_signatories", "DROP TABLE agreements",
        ]
    }
}
