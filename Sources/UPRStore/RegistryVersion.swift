import SQLKit
import UPRDomain

/// The versions of the record's concerns (`ContentConcern`). Every write is audited (a rule of the store), and the
/// audit log raises the version of the concern it wrote in the same transaction, so a result cached at version N
/// of the concerns it was computed from stays right until one of them moves: on every server instance, since the
/// numbers live in the database. One row per concern is also what makes the order of the numbers the order of the
/// commits on PostgreSQL (a sequence would not be).
public enum RegistryVersion {
    /// One number for `concerns`, read in one query: the sum of their versions. Each version only grows, so the sum
    /// changes whenever any of them does, and never returns to a value it had.
    public static func current(_ concerns: Set<ContentConcern>, on sql: any SQLDatabase) async throws -> Int {
        try await sql.raw(
            """
            SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) AS version FROM content_versions
            WHERE concern IN (\(binds: concerns.map(\.rawValue).sorted()))
            """
        ).first()?.decode(column: "version", as: Int.self) ?? 0
    }

    /// The version of the registry alone: what a search depends on.
    public static func current(on sql: any SQLDatabase) async throws -> Int {
        try await current([.registry], on: sql)
    }

    static func advance(_ concern: ContentConcern, on sql: any SQLDatabase) async throws {
        try await sql.raw("UPDATE content_versions SET version = version + 1 WHERE concern = \(bind: concern.rawValue)")
            .run()
    }
}
