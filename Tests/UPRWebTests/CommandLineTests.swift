import Foundation
import Testing
import UPRWeb
import VaporTesting

/// The `upr` executable end to end: exit codes, summaries, JSON output, on both engines.
@Suite struct CommandLineTests {
    /// The built `upr` next to the test bundle (`swift build --build-tests` builds it).
    static var executable: URL {
        get throws {
            var directory = Bundle.module.bundleURL.deletingLastPathComponent()
            for _ in 0..<3 {
                let candidate = directory.appendingPathComponent("upr")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                directory = directory.deletingLastPathComponent()
            }
            throw TestSetupError("the upr executable is not built next to the tests (run swift build --build-tests)")
        }
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func upr(_ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = try Self.executable
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A database of its own for one test: a temporary SQLite file, or a new PostgreSQL database.
    func withDatabase(_ database: TestDatabase, _ body: (String) throws -> Void) async throws {
        switch database {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID()).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            try body(path)
        case .postgres:
            let base = try TestDatabase.postgresURL
            let name = "cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await withApp(.postgres) { app in
                try await app.sql().raw("CREATE DATABASE \(ident: String(name))").run()
                var parts = URLComponents(url: base, resolvingAgainstBaseURL: false)!
                parts.path = "/" + name
                do {
                    try body(parts.url!.absoluteString)
                } catch {
                    try? await app.sql().raw("DROP DATABASE \(ident: String(name)) WITH (FORCE)").run()
                    throw error
                }
                try await app.sql().raw("DROP DATABASE \(ident: String(name)) WITH (FORCE)").run()
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func importStatsSearchExport(_ database: TestDatabase) async throws {
        try await withDatabase(database) { db in
            let imported = try upr(["import", Fixture.session9.path, Fixture.sloveniaCycle2.path, "--database", db])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("uprinfo-session9-excerpt.csv: 2051 rows read (upr-info); 2012 created"))
            #expect(imported.stdout.contains("slovenia-cycle2-session20.docx"))

            let again = try upr(["import", Fixture.session9.path, "--database", db])
            #expect(again.stdout.contains("0 created, 0 updated, 2012 unchanged"))

            let stats = try upr(["stats", "--json", "--database", db])
            #expect(stats.status == 0)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
            let byResponse = try #require(json["byResponse"] as? [String: Int])
            let recommendations = try #require(json["recommendations"] as? Int)
            #expect(recommendations > 2012)
            #expect(byResponse["supported"]! + byResponse["noted"]! == recommendations)
            #expect((json["byState"] as? [String: Int])?["Mongolia"] == 129)

            let search = try upr(["search", "torture", "--state", "Mongolia", "--json", "--database", db])
            let page = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
            #expect(page["total"] as? Int == 12)

            let csv = try upr(["export", "--format", "csv", "--state", "Mongolia", "--database", db])
            #expect(csv.status == 0)
            let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("id,kind,state_under_review") == true)
            #expect(lines.count == 130)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aFailedImportExitsNonZeroAndWritesNothing(_ database: TestDatabase) async throws {
        try await withDatabase(database) { db in
            let bad = FileManager.default.temporaryDirectory.appendingPathComponent("wrong-header-\(UUID()).csv")
            try "Country,Recommendation\r\nMongolia,Ratify\r\n".write(to: bad, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: bad) }
            let run = try upr(["import", Fixture.mongolia.path, bad.path, "--database", db])
            #expect(run.status != 0)
            #expect(run.stderr.contains("nothing was written"))
            #expect(run.stderr.contains(bad.lastPathComponent))
            let stats = try upr(["stats", "--json", "--database", db])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
            #expect(json["recommendations"] as? Int == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func refreshClassifiesAgainAndRegroups(_ database: TestDatabase) async throws {
        try await withDatabase(database) { db in
            let imported = try upr(["import", Fixture.tonga.path, "--database", db])
            #expect(imported.status == 0, "\(imported.stderr)")
            let refreshed = try upr(["refresh", "--database", db])
            #expect(refreshed.status == 0, "\(refreshed.stderr)")
            // The 93 second-cycle recommendations have no labels in the file; the groups are the import's again.
            #expect(refreshed.stdout.hasPrefix("93 recommendations classified; "))
            func total(_ arguments: [String]) throws -> Int? {
                let run = try upr(["search", "CEDAW", "--state", "Tonga", "--json", "--database", db] + arguments)
                let page = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
                return page?["total"] as? Int
            }
            let all = try #require(try total([]))
            let recurring = try #require(try total(["--recurring"]))
            #expect(recurring > 0 && recurring < all)
        }
    }

    @Test func everyCommandHasHelp() throws {
        for command in ["serve", "import", "stats", "search", "export", "refresh"] {
            let run = try upr([command, "--help"])
            #expect(run.status == 0, "\(command)")
            #expect(run.stdout.contains("USAGE: upr \(command)"), "\(command)")
        }
        let unknown = try upr(["import", "--format", "pdf", "x"])
        #expect(unknown.status != 0)
    }
}
