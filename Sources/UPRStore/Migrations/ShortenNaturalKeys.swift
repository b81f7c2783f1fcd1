import FluentKit
import SQLKit

/// Rewrites stored natural keys longer than `StoredKey.longest` into their short form (see StoredKey), for
/// databases filled before keys were stored that way. New databases have no such rows.
struct ShortenNaturalKeys: AsyncMigration {
    func prepare(on database: any Database) async throws {
        let sql = try database.sql()
        let rows = try await sql.raw(
            "SELECT id, natural_key FROM recommendations WHERE LENGTH(natural_key) > \(literal: StoredKey.longest)"
        ).all()
        for row in rows {
            let id = try row.decode(column: "id", as: Int.self)
            let key = try row.decode(column: "natural_key", as: String.self)
            try await sql.raw(
                "UPDATE recommendations SET natural_key = \(bind: StoredKey.of(key)) WHERE id = \(bind: id)"
            ).run()
        }
    }

    /// The long form cannot be rebuilt from a digest; it is not needed to go back, since both forms work.
    func revert(on database: any Database) async throws {}
}
