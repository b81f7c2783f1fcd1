import UPRDomain

/// A version per concern of the record (`ContentConcern`) in place of the one registry version: a write no longer
/// makes every cached result stale, only those computed from what it changed. Each starts at the old number, so
/// no version goes back.
struct CreateContentVersions: SchemaMigration {
    func statements(_ kind: DatabaseKind) -> [String] {
        [
            "CREATE TABLE content_versions (concern TEXT PRIMARY KEY, version BIGINT NOT NULL)"
        ]
            + ContentConcern.allCases.map {
                """
                INSERT INTO content_versions (concern, version)
                SELECT '\($0.rawValue)', version FROM registry_version WHERE id = 1
                """
            }
            + ["DROP TABLE registry_version"]
    }
    func revertStatements(_ kind: DatabaseKind) -> [String] {
        [
            "CREATE TABLE registry_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)",
            "INSERT INTO registry_version (id, version) SELECT 1, COALESCE(MAX(version), 0) FROM content_versions",
            "DROP TABLE content_versions",
        ]
    }
}
