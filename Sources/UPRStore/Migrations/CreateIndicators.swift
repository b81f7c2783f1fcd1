/// Indicators (issue 4): structured, versioned records with their links, data partners and measurements. Evidence
/// files are kept in the database, not on a disk, so every server instance serves the same files.
struct CreateIndicators: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        let real = kind == .postgres ? "DOUBLE PRECISION" : "REAL"
        let blob = kind == .postgres ? "BYTEA" : "BLOB"
        return [
            """
            CREATE TABLE indicators (
                \(idColumn(kind)),
                title TEXT NOT NULL,
                definition TEXT NOT NULL DEFAULT '',
                kind TEXT NOT NULL,
                unit TEXT NOT NULL DEFAULT '',
                baseline_value \(real),
                baseline_date TEXT,
                target_value \(real),
                target_date TEXT,
                data_source TEXT NOT NULL DEFAULT '',
                frequency TEXT NOT NULL DEFAULT '',
                dimensions TEXT NOT NULL DEFAULT '',
                responsible_organisation_id BIGINT REFERENCES organisations(id),
                smart_ok INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL DEFAULT 1,
                created_by BIGINT REFERENCES users(id),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX indicators_responsible ON indicators (responsible_organisation_id)",
            """
            CREATE TABLE indicator_recommendations (
                indicator_id BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
                recommendation_id BIGINT NOT NULL REFERENCES recommendations(id),
                PRIMARY KEY (indicator_id, recommendation_id)
            )
            """,
            "CREATE INDEX indicator_recommendations_rec ON indicator_recommendations (recommendation_id)",
            """
            CREATE TABLE indicator_plan_entries (
                indicator_id BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
                plan_entry_id BIGINT NOT NULL REFERENCES plan_entries(id) ON DELETE CASCADE,
                PRIMARY KEY (indicator_id, plan_entry_id)
            )
            """,
            "CREATE INDEX indicator_plan_entries_entry ON indicator_plan_entries (plan_entry_id)",
            """
            CREATE TABLE indicator_data_partners (
                indicator_id BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
                organisation_id BIGINT NOT NULL REFERENCES organisations(id),
                PRIMARY KEY (indicator_id, organisation_id)
            )
            """,
            """
            CREATE TABLE measurements (
                \(idColumn(kind)),
                indicator_id BIGINT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
                value \(real) NOT NULL,
                measured_on TEXT NOT NULL,
                source TEXT NOT NULL DEFAULT '',
                breakdown TEXT NOT NULL DEFAULT '{}',
                evidence_link TEXT,
                status TEXT NOT NULL DEFAULT 'pending',
                review_comment TEXT NOT NULL DEFAULT '',
                reviewed_by BIGINT REFERENCES users(id),
                reviewed_at TEXT,
                entered_by BIGINT REFERENCES users(id),
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX measurements_indicator ON measurements (indicator_id, measured_on)",
            """
            CREATE TABLE measurement_evidence (
                measurement_id BIGINT PRIMARY KEY REFERENCES measurements(id) ON DELETE CASCADE,
                file_name TEXT NOT NULL,
                content_type TEXT NOT NULL,
                size INTEGER NOT NULL,
                content \(blob) NOT NULL
            )
            """,
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        [
            "DROP TABLE measurement_evidence", "DROP TABLE measurements", "DROP TABLE indicator_data_partners",
            "DROP TABLE indicator_plan_entries", "DROP TABLE indicator_recommendations", "DROP TABLE indicators",
        ]
    }
}
