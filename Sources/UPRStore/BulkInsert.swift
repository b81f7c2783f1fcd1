import SQLKit
import SQLiteKit

/// Multi-row inserts for the writes that add many rows at once (imports, recurrence groups): one statement per chunk
/// of rows, because one statement per row costs more in round trips than the work itself.
enum BulkInsert {
    /// Rows per multi-row statement: well under both engines' limits on bound parameters.
    static let chunk = 400

    /// Inserts `rows` (values in `columns` order) into `table`.
    static func rows(
        into table: String, columns: [String], _ rows: [[any Encodable & Sendable]], on sql: any SQLDatabase
    ) async throws {
        if let lite = sql as? any SQLiteDatabase {
            for chunk in rows.chunked(into: Self.chunk) {
                _ = try await lite.query(sqliteInsert(table, columns, rows: chunk.count), sqliteBinds(chunk))
            }
            return
        }
        for chunk in rows.chunked(into: Self.chunk) {
            let insert = sql.insert(into: table).columns(columns)
            for row in chunk { insert.values(row) }
            try await insert.run()
        }
    }

    /// `INSERT INTO t (a, b) VALUES (?, ?), (?, ?)…` for SQLite's positional parameters.
    static func sqliteInsert(_ table: String, _ columns: [String], rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }

    /// Bulk rows bound directly as SQLite values. Going through SQLKit's generic Encodable path costs more than the
    /// insert itself when an import binds over a million values.
    static func sqliteBinds(_ rows: ArraySlice<[any Encodable & Sendable]>) -> [SQLiteData] {
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * (rows.first?.count ?? 0))
        for row in rows {
            for value in row {
                switch value {
                case let number as Int: binds.append(.integer(number))
                case let text as String: binds.append(.text(text))
                case let number as Double: binds.append(.float(number))
                case let flag as Bool: binds.append(.integer(flag ? 1 : 0))
                default: binds.append(.null)  // the only other values written here are nil optionals
                }
            }
        }
        return binds
    }
}
