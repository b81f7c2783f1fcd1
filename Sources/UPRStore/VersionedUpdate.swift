import Foundation
import SQLKit

/// Optimistic locking: an update applies only if the row still has the version the person read, so two people
/// saving the same record cannot silently overwrite each other.
enum VersionedUpdate {
    /// Sets `values` on row `id` of `table` if its version is `expected`; bumps the version. Throws
    /// `StoreError.staleVersion` when someone else saved first.
    static func run(
        table: String, id: Int, expected: Int, values: [(String, any Encodable & Sendable)], on sql: any SQLDatabase
    ) async throws -> Int {
        var sets: [SQLQueryString] = values.map { column, value in "\(ident: column) = \(bind: value)" }
        sets.append("version = version + 1")
        sets.append("updated_at = \(bind: Timestamp.string(Date()))")
        let query: SQLQueryString =
            "UPDATE \(ident: table) SET " + sets.joined(separator: ", ")
            + " WHERE id = \(bind: id) AND version = \(bind: expected) RETURNING version"
        guard let row = try await sql.raw(query).first() else {
            throw StoreError.staleVersion(entity: table, id: id, expected: expected)
        }
        return try row.decode(column: "version", as: Int.self)
    }
}
