/// How often each person wants their notices by mail (none, daily, weekly); none until they choose.
struct AddUserDigest: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        ["ALTER TABLE users ADD COLUMN digest TEXT NOT NULL DEFAULT 'none'"]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["ALTER TABLE users DROP COLUMN digest"] }
}
