/// Meetings (the coordinating committee, working groups, dialogue days…) with their invited and attending
/// organisations and people, an ordered agenda, decisions and action items.
struct CreateMeetings: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE meetings (
                \(idColumn(kind)),
                kind TEXT NOT NULL,
                title TEXT NOT NULL,
                starts_at TEXT NOT NULL,
                ends_at TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                place TEXT NOT NULL DEFAULT '',
                organiser_organisation_id BIGINT REFERENCES organisations(id),
                working_group_id BIGINT REFERENCES working_groups(id),
                status TEXT NOT NULL DEFAULT 'planned',
                is_public INTEGER NOT NULL DEFAULT 0,
                minutes TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 1,
                created_by BIGINT REFERENCES users(id),
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX meetings_starts ON meetings (starts_at)",
            "CREATE INDEX meetings_group ON meetings (working_group_id)",
            """
            CREATE TABLE meeting_organisations (
                meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                organisation_id BIGINT NOT NULL REFERENCES organisations(id),
                invited INTEGER NOT NULL DEFAULT 1,
                attended INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (meeting_id, organisation_id)
            )
            """,
            "CREATE INDEX meeting_organisations_organisation ON meeting_organisations (organisation_id)",
            """
            CREATE TABLE meeting_people (
                meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                user_id BIGINT NOT NULL REFERENCES users(id),
                invited INTEGER NOT NULL DEFAULT 1,
                attended INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (meeting_id, user_id)
            )
            """,
            // subject_kind/subject_id name what an item is about when it is neither a recommendation nor a plan
            // entry (an indicator, later): no foreign key, so new kinds need no migration here.
            """
            CREATE TABLE agenda_items (
                \(idColumn(kind)),
                meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                title TEXT NOT NULL,
                notes TEXT NOT NULL DEFAULT '',
                recommendation_id BIGINT REFERENCES recommendations(id),
                plan_entry_id BIGINT REFERENCES plan_entries(id),
                subject_kind TEXT,
                subject_id BIGINT
            )
            """,
            "CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position)",
            """
            CREATE TABLE decisions (
                \(idColumn(kind)),
                meeting_id BIGINT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
                agenda_item_id BIGINT REFERENCES agenda_items(id),
                text TEXT NOT NULL,
                created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX decisions_meeting ON decisions (meeting_id)",
            """
            CREATE TABLE action_items (
                \(idColumn(kind)),
                meeting_id BIGINT REFERENCES meetings(id) ON DELETE CASCADE,
                decision_id BIGINT REFERENCES decisions(id),
                title TEXT NOT NULL,
                owner_user_id BIGINT REFERENCES users(id),
                owner_organisation_id BIGINT REFERENCES organisations(id),
                due_date TEXT,
                status TEXT NOT NULL DEFAULT 'open',
                version INTEGER NOT NULL DEFAULT 1,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX action_items_meeting ON action_items (meeting_id)",
            "CREATE INDEX action_items_owner_user ON action_items (owner_user_id)",
            "CREATE INDEX action_items_owner_organisation ON action_items (owner_organisation_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        [
            "DROP TABLE action_items", "DROP TABLE decisions", "DROP TABLE agenda_items", "DROP TABLE meeting_people",
            "DROP TABLE meeting_organisations", "DROP TABLE meetings",
        ]
    }
}
