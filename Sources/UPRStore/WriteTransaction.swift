import FluentKit
import SQLKit

extension Database {
    /// A transaction for a request that changes data. On SQLite it takes the write lock with its first statement:
    /// a transaction that reads first and writes later cannot wait for another writer (SQLite refuses it at once,
    /// SQLITE_BUSY, since its snapshot is stale), so two people saving at once would get an error instead of the
    /// version check's conflict page. Taking the lock first makes the second writer wait its turn, read the saved
    /// row and fail the version check like on PostgreSQL, where row locks do this by themselves.
    @discardableResult
    public func writeTransaction<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T)
        async throws -> T
    {
        try await transaction { database in
            if let sql = database as? any SQLDatabase, DatabaseKind(sql) == .sqlite {
                try await sql.raw("UPDATE content_versions SET version = version WHERE concern = ''").run()
            }
            return try await body(database)
        }
    }
}
