import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import SQLKit
import UPRStore
import Vapor

/// Registers the configured database with Fluent and prepares it: SQLite gets write-ahead logging so that pages
/// can read while an import writes; both engines get every migration.
enum DatabaseSetup {
    static func register(_ app: Application, settings: AppSettings) throws {
        switch settings.database {
        case .sqliteFile(let path):
            app.databases.use(.sqlite(.file(path), sqlLogLevel: nil), as: .sqlite)
        case .sqliteMemory:
            app.databases.use(.sqlite(.memory, sqlLogLevel: nil), as: .sqlite)
        case .postgres(let url):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema = settings.postgresSchema { configuration.searchPath = [schema] }
            app.databases.use(
                .postgres(
                    configuration: configuration, maxConnectionsPerEventLoop: settings.postgresConnectionsPerLoop,
                    connectionPoolTimeout: .seconds(30),
                    sqlLogLevel: .trace),
                as: .psql)
        }
        for migration in StoreMigrations.all {
            app.migrations.add(migration)
        }
    }

    static func prepare(_ app: Application, settings: AppSettings) async throws {
        let sql = try app.sql()
        switch settings.database {
        case .sqliteFile:
            if !settings.sqliteFillingNewFile {
                try await sql.raw("PRAGMA journal_mode = WAL").run()
            }
            try await tuneSQLiteConnections(app, synchronous: settings.sqliteFillingNewFile ? "OFF" : "NORMAL")
        case .sqliteMemory:
            break
        case .postgres:
            if let schema = settings.postgresSchema {
                try await sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
            }
        }
        if settings.migrate {
            try await app.autoMigrate()
        }
    }
}

extension DatabaseSetup {
    /// Per-connection SQLite settings, applied to the one pooled connection of every event loop (the driver has no
    /// hook for new connections, and its pool keeps a SQLite connection for the life of the process).
    /// Without them each page read is a `pread` into a 2 MB cache, which under concurrent searches costs more
    /// than the searches themselves; memory-mapped reads share the operating system's page cache instead.
    static func tuneSQLiteConnections(_ app: Application, synchronous: String) async throws {
        for eventLoop in app.eventLoopGroup.makeIterator() {
            guard let database = app.databases.database(logger: app.logger, on: eventLoop) else { continue }
            try await database.withConnection { connection in
                let sql = try connection.sqlDatabase()
                try await sql.raw("PRAGMA synchronous = \(unsafeRaw: synchronous)").run()
                try await sql.raw("PRAGMA cache_size = -32768").run()  // 32 MiB
                try await sql.raw("PRAGMA mmap_size = 1073741824").run()  // up to 1 GiB of the file, mapped
                try await sql.raw("PRAGMA temp_store = MEMORY").run()
                // A writer waits for another to commit rather than failing at once (see `writeTransaction`).
                try await sql.raw("PRAGMA busy_timeout = 10000").run()
                return ()
            }
        }
    }
}

extension Application {
    /// Ends a fill of a new SQLite file (`AppSettings.sqliteFillingNewFile`) with one fully synced commit, which
    /// puts every page written so far on disk. A no-op otherwise.
    public func makeDatabaseDurable() async throws {
        guard settings.sqliteFillingNewFile, case .sqliteFile = settings.database else { return }
        try await db.withConnection { connection in
            let sql = try connection.sqlDatabase()
            try await sql.raw("PRAGMA synchronous = FULL").run()
            try await sql.raw("UPDATE content_versions SET version = version WHERE concern = 'registry'").run()
            try await sql.raw("PRAGMA synchronous = NORMAL").run()
        }
    }
}
