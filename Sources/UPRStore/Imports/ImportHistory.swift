import Foundation
import SQLKit

/// Every import the registry recorded (from the browser or `upr import`), newest first.
public struct ImportHistory: Sendable {
    /// One row of `imports`.
    public struct Entry: Sendable, Equatable {
        public var id: Int
        public var fileName: String
        public var format: String
        public var sha256: String
        public var rowsRead: Int
        public var created: Int
        public var updated: Int
        public var unchanged: Int
        public var actor: String
        public var startedAt: String
        public var finishedAt: String

        /// Seconds between the start and the end of the write.
        public var seconds: Double {
            guard let start = Timestamp.date(startedAt), let end = Timestamp.date(finishedAt) else { return 0 }
            return max(0, end.timeIntervalSince(start))
        }
    }

    public static let pageSize = 50

    public var entries: [Entry]
    public var total: Int

    private static let columns = """
        id, file_name, format, sha256, rows_read, created_count, updated_count, unchanged_count, actor, started_at,
        finished_at
        """

    /// Page `page` (1-based) of the history.
    public static func load(page: Int, on sql: any SQLDatabase) async throws -> ImportHistory {
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM imports").first()?.decode(column: "n", as: Int.self)
        let offset = (max(1, page) - 1) * pageSize
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM imports ORDER BY id DESC
            LIMIT \(bind: pageSize) OFFSET \(bind: offset)
            """
        ).all()
        return ImportHistory(entries: try rows.map(decode), total: total ?? 0)
    }

    /// The import `id`.
    public static func entry(_ id: Int, on sql: any SQLDatabase) async throws -> Entry? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM imports WHERE id = \(bind: id)").first().map(decode)
    }

    private static func decode(_ row: any SQLRow) throws -> Entry {
        Entry(
            id: try row.decode(column: "id", as: Int.self),
            fileName: try row.decode(column: "file_name", as: String.self),
            format: try row.decode(column: "format", as: String.self),
            sha256: try row.decode(column: "sha256", as: String.self),
            rowsRead: try row.decode(column: "rows_read", as: Int.self),
            created: try row.decode(column: "created_count", as: Int.self),
            updated: try row.decode(column: "updated_count", as: Int.self),
            unchanged: try row.decode(column: "unchanged_count", as: Int.self),
            actor: try row.decode(column: "actor", as: String.self),
            startedAt: try row.decode(column: "started_at", as: String.self),
            finishedAt: try row.decode(column: "finished_at", as: String.self))
    }
}
