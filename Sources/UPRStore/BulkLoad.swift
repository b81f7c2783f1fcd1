import SQLKit
import SQLiteKit

/// Settings, index handling and planner statistics that make a large import cost about what the rows themselves
/// cost, and leave the database ready to be queried.
///
/// Two things dominate a bulk load besides the rows: pages spilling from a small page cache into the write-ahead log
/// before the transaction ends, and secondary indexes updated one row at a time in random order. So the importing
/// connection gets a larger cache and in-memory statement journals, and when the registry is empty (the first import
/// of a new database) the secondary indexes of the tables being filled are dropped inside the import's transaction
/// and built again, from their own stored definitions, once the rows are in. SQLite's DDL is transactional: a failed
/// import rolls the dropped indexes back with everything else. Unique constraints declared in the tables stay in
/// place throughout, so nothing the import relies on goes unchecked.
struct BulkLoad {
    /// The tables an import fills row by row.
    static let tables = [
        "recommendations", "recommendation_terms", "recommending_states", "provenance", "response_events",
    ]

    /// `CREATE INDEX` statements to run again at the end, in their original form.
    private var deferredIndexes: [String] = []
    /// The connection's memory-map size before the load (SQLite), which `restore` sets again.
    private var mmapSize: Int?

    /// Gives the connection its memory map back.
    func restore(_ sql: any SQLDatabase) async throws {
        guard let lite = sql as? any SQLiteDatabase, let mmapSize, mmapSize > 0 else { return }
        _ = try await lite.query("PRAGMA mmap_size = \(mmapSize)", [])
    }

    /// Prepares `sql` for a bulk load; a no-op on other engines.
    static func begin(_ sql: any SQLDatabase) async throws -> BulkLoad {
        var load = BulkLoad()
        guard let lite = sql as? any SQLiteDatabase else { return load }
        // 64 MiB of page cache (negative means KiB); the connection keeps it, which helps later reads too.
        _ = try await lite.query("PRAGMA cache_size = -65536", [])
        _ = try await lite.query("PRAGMA temp_store = MEMORY", [])
        // Reads of the file go through the page cache above rather than a memory map: an import reads most of what
        // it writes back (the index builds, the recurrence groups), and mapped pages would count against the
        // import's memory by the hundreds of megabytes. `restore` maps the file again for the connection's next use.
        load.mmapSize = try await lite.query("PRAGMA mmap_size", []).first?.column("mmap_size")?.integer ?? 0
        _ = try await lite.query("PRAGMA mmap_size = 0", [])
        let empty = try await lite.query("SELECT NOT EXISTS (SELECT 1 FROM recommendations) AS empty", [])
        guard empty.first?.column("empty")?.integer == 1 else { return load }
        let placeholders = tables.map { _ in "?" }.joined(separator: ", ")
        let indexes = try await lite.query(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (\(placeholders))",
            tables.map { .text($0) })
        for index in indexes {
            guard let name = index.column("name")?.string, let definition = index.column("sql")?.string else {
                continue
            }
            _ = try await lite.query("DROP INDEX \"\(name.replacingOccurrences(of: "\"", with: "\"\""))\"", [])
            load.deferredIndexes.append(definition)
        }
        return load
    }

    /// Builds the indexes dropped by `begin` again.
    func finish(_ sql: any SQLDatabase) async throws {
        guard let lite = sql as? any SQLiteDatabase else { return }
        for definition in deferredIndexes {
            _ = try await lite.query(definition, [])
        }
    }

    /// Fails the import if any row written refers to a row that does not exist (SQLite; PostgreSQL checks each
    /// row as it is written).
    func checkForeignKeys(_ sql: any SQLDatabase) async throws {
        guard let lite = sql as? any SQLiteDatabase else { return }
        for table in Self.tables {
            let violations = try await lite.query("PRAGMA foreign_key_check(\(table))", [])
            if let first = violations.first {
                let parent = first.column("parent")?.string ?? "?"
                throw StoreError.missingRow("\(parent) row referred to by \(table) (\(violations.count) rows)")
            }
        }
    }

    /// Refreshes the query planner's statistics once the rows are in. Without them SQLite guesses its plans and
    /// may, for example, count a state's supported recommendations by walking every supported one, or run a
    /// full-text query once per row of an index; a sampled ANALYZE costs tens of milliseconds.
    func refreshStatistics(_ sql: any SQLDatabase) async throws {
        switch DatabaseKind(sql) {
        case .sqlite:
            try await sql.raw("PRAGMA analysis_limit = 1000").run()
            try await sql.raw("ANALYZE").run()
        case .postgres:
            try await sql.raw(
                "ANALYZE recommendations, recommendation_terms, recommending_states, provenance, response_events"
            ).run()
        }
    }
}
