/// An annual assessment meeting opens at most one assessment round. The store checks first to give a readable
/// message; the index is what holds when two instances open a round for the same meeting at the same moment.
struct AddRoundMeetingIndex: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE UNIQUE INDEX assessment_rounds_meeting ON assessment_rounds (meeting_id)
            WHERE meeting_id IS NOT NULL
            """
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP INDEX assessment_rounds_meeting"] }
}
