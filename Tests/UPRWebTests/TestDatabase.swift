import Foundation
import Testing
import UPRApp
import UPRDemo
import UPRMail
import UPRStore
import UPRWeb
import VaporTesting

/// The engines every storage test runs on. PostgreSQL comes from `UPR_TEST_POSTGRES_URL` (the README's test
/// command starts one); a test on it fails, never skips, when it is missing, so a green run always covers both.
enum TestDatabase: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var postgresURL: URL {
        get throws {
            guard let raw = ProcessInfo.processInfo.environment["UPR_TEST_POSTGRES_URL"], let url = URL(string: raw)
            else {
                throw TestSetupError(
                    "UPR_TEST_POSTGRES_URL is not set: run the tests with scripts/test, which starts PostgreSQL.")
            }
            // Tests create and drop schemas: refuse anything but a local server.
            guard ["127.0.0.1", "localhost", "::1"].contains(url.host ?? "") else {
                throw TestSetupError("UPR_TEST_POSTGRES_URL must point at a local server, not \(url.host ?? "?").")
            }
            return url
        }
    }

    func settings() throws -> AppSettings {
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("upr-test-\(UUID().uuidString).sqlite").path
            return AppSettings(database: .sqliteFile(path))
        case .postgres:
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
            var settings = AppSettings(database: .postgres(try Self.postgresURL), postgresSchema: String(schema))
            // Tests run in parallel; keep each app's pool small so they fit in the server's connection limit.
            settings.postgresConnectionsPerLoop = 1
            return settings
        }
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Builds the real application on a fresh database of the given engine, runs `body`, and removes the database.
func withApp(
    _ database: TestDatabase, demo: Bool = false, smtp: SMTPSettings? = nil, _ body: (Application) async throws -> Void
) async throws {
    var settings = try database.settings()
    settings.demo = demo
    settings.smtp = smtp
    // Password hashing at full cost would dominate the run; the algorithm is the same.
    settings.bcryptCost = 4
    let app = try await Application.make(.testing)
    do {
        try await UPRApplication.configure(app, settings: settings)
        try await body(app)
    } catch {
        try? await cleanUp(app, settings)
        try? await app.asyncShutdown()
        throw error
    }
    try await cleanUp(app, settings)
    try await app.asyncShutdown()
}

/// A second server instance on the same database as `app` (same SQLite file or PostgreSQL schema), as when several
/// `upr serve` share one database. The first instance owns the database and removes it.
func withSecondInstance(of app: Application, _ body: (Application) async throws -> Void) async throws {
    var settings = app.settings
    settings.migrate = false
    settings.demo = false
    let second = try await Application.make(.testing)
    do {
        try await UPRApplication.configure(second, settings: settings)
        try await body(second)
    } catch {
        try? await second.asyncShutdown()
        throw error
    }
    try await second.asyncShutdown()
}

private func cleanUp(_ app: Application, _ settings: AppSettings) async throws {
    switch settings.database {
    case .sqliteFile(let path):
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    case .postgres:
        if let schema = settings.postgresSchema {
            try await app.sql().raw("DROP SCHEMA \(ident: schema) CASCADE").run()
        }
    case .sqliteMemory:
        break
    }
}

/// Real files the tests import.
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent(name)
    }
    static var mongolia: URL { DemoData.mongoliaExport }
    static var session9: URL { url("uprinfo-session9-excerpt.csv") }
    static var sloveniaCycle2: URL { url("slovenia-cycle2-session20.docx") }
    /// Every recommendation to Azerbaijan in the UPR Info export of sessions 1–16 (258 rows, 257 recommendations).
    static var azerbaijan: URL { url("uprinfo-azerbaijan-sessions-4-16.csv") }
}

extension Application {
    /// Imports files as the CLI does and returns the summaries.
    @discardableResult
    func importFiles(_ urls: [URL]) async throws -> [ImportSummary] {
        try await FileImport.run(paths: urls.map(\.path), actor: "test", on: db)
    }

    func count(_ table: String, where condition: String = "") async throws -> Int {
        try await sql().raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) \(unsafeRaw: condition)").first()!
            .decode(column: "n", as: Int.self)
    }
}
