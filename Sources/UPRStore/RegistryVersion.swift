import SQLKit

/// The number of audited writes so far. Every write is audited (that is a rule of the store), and the audit log
/// raises this number in the same transaction, so a cached result computed at version N stays right until the
/// number moves past N — on every server instance, since the number lives in the database.
public enum RegistryVersion {
    public static func current(on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT version FROM registry_version WHERE id = 1").first()?
            .decode(column: "version", as: Int.self) ?? 0
    }

    static func advance(on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE registry_version SET version = version + 1 WHERE id = 1").run()
    }
}
