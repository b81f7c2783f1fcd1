/// Assessment rounds (the annual assessment the letter of intent promises) and each organisation's assessment of a
/// recommendation in a round. A closed round is a snapshot: nothing in it changes, so any two can be compared.
/// `meeting_id` names the assessment meeting that opened the round; it has no foreign key because meetings may be
/// kept in a table that comes later.
struct CreateAssessments: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE assessment_rounds (
                \(idColumn(kind)),
                state_id BIGINT NOT NULL REFERENCES states(id),
                cycle INTEGER,
                title TEXT NOT NULL,
                held_on TEXT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open',
                meeting_id BIGINT,
                closed_at TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX assessment_rounds_state ON assessment_rounds (state_id, held_on)",
            """
            CREATE TABLE assessments (
                \(idColumn(kind)),
                round_id BIGINT NOT NULL REFERENCES assessment_rounds(id),
                recommendation_id BIGINT NOT NULL REFERENCES recommendations(id),
                organisation_id BIGINT NOT NULL REFERENCES organisations(id),
                status TEXT NOT NULL,
                justification TEXT NOT NULL DEFAULT '',
                evidence_url TEXT,
                recorded_by BIGINT REFERENCES users(id),
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                UNIQUE (round_id, recommendation_id, organisation_id)
            )
            """,
            "CREATE INDEX assessments_recommendation ON assessments (recommendation_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        ["DROP TABLE assessments", "DROP TABLE assessment_rounds"]
    }
}
