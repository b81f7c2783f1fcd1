/// One counter that every audited write raises in its own transaction, so that a server can tell with one cheap
/// read whether anything has changed since it cached a result. A single row is also what makes the order of the
/// numbers the order of the commits on PostgreSQL (a sequence would not be).
struct CreateRegistryVersion: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            "CREATE TABLE registry_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)",
            "INSERT INTO registry_version (id, version) VALUES (1, 0)",
        ]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] { ["DROP TABLE registry_version"] }
}
