/// States: those under review and those that recommend.
struct CreateStates: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            """
            CREATE TABLE states (
                \(idColumn(kind)),
                name TEXT NOT NULL UNIQUE,
                regional_group TEXT,
                created_at TEXT NOT NULL
            )
            """
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE states"] }
}
