/// Recommendations made to one state again: the same or nearly the same text (cosine ≥ 0.8 over the state's
/// recommendations, grouped by single linkage) in another cycle or by another mechanism, with the ways the group
/// recurs. Kept as tables so that "recurring" is a SQL filter; an import recomputes the groups of the states it
/// touched. A group's id is its smallest member's recommendation id,
/// so a recomputation writes its rows without reading generated keys back.
struct CreateRecurrenceGroups: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE recurrence_groups (
                id BIGINT PRIMARY KEY,
                state_id BIGINT NOT NULL REFERENCES states(id),
                kinds TEXT NOT NULL,
                cycles TEXT NOT NULL,
                mechanisms TEXT NOT NULL,
                member_count INTEGER NOT NULL
            )
            """,
            "CREATE INDEX recurrence_groups_state ON recurrence_groups (state_id)",
            """
            CREATE TABLE recurrence_members (
                recommendation_id BIGINT PRIMARY KEY REFERENCES recommendations(id) ON DELETE CASCADE,
                group_id BIGINT NOT NULL REFERENCES recurrence_groups(id) ON DELETE CASCADE,
                state_id BIGINT NOT NULL REFERENCES states(id)
            )
            """,
            "CREATE INDEX recurrence_members_group ON recurrence_members (group_id)",
            "CREATE INDEX recurrence_members_state ON recurrence_members (state_id)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        ["DROP TABLE recurrence_members", "DROP TABLE recurrence_groups"]
    }
}
