/// The language a person last used the site in, so that mail to them (reset links, later digests) is in that
/// language; NULL until they have signed in once.
struct AddUserLanguage: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        ["ALTER TABLE users ADD COLUMN language TEXT"]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["ALTER TABLE users DROP COLUMN language"] }
}
