import Foundation
import SMTPSink
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

    /// Runs `upr` on a thread of its own and waits for it without holding a thread of the concurrency pool, which
    /// the tests running beside it (and the SMTP sink) need.
    func upr(_ arguments: [String], environment: [String: String] = [:]) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runBlocking(arguments, environment: environment) }) }
                .start()
        }
    }

    private func runBlocking(_ arguments: [String], environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = try Self.executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
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
    func withDatabase(_ database: TestDatabase, _ body: (String) async throws -> Void) async throws {
        switch database {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID()).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            try await body(path)
        case .postgres:
            let base = try TestDatabase.postgresURL
            let name = "cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try await withApp(.postgres) { app in
                // Two CREATE DATABASE at once can fail while the template database is being copied; try again.
                for attempt in 1...5 {
                    do {
                        try await app.sql().raw("CREATE DATABASE \(ident: String(name))").run()
                        break
                    } catch {
                        if attempt == 5 { throw error }
                        try await Task.sleep(for: .milliseconds(200 * attempt))
                    }
                }
                var parts = URLComponents(url: base, resolvingAgainstBaseURL: false)!
                parts.path = "/" + name
                do {
                    try await body(parts.url!.absoluteString)
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
            let imported = try await upr([
                "import", Fixture.session9.path, Fixture.sloveniaCycle2.path, "--database", db,
            ])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("uprinfo-session9-excerpt.csv: 2051 rows read (upr-info); 2012 created"))
            #expect(imported.stdout.contains("slovenia-cycle2-session20.docx"))

            let again = try await upr(["import", Fixture.session9.path, "--database", db])
            #expect(again.stdout.contains("0 created, 0 updated, 2012 unchanged"))

            let stats = try await upr(["stats", "--json", "--database", db])
            #expect(stats.status == 0)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
            let byResponse = try #require(json["byResponse"] as? [String: Int])
            let recommendations = try #require(json["recommendations"] as? Int)
            #expect(recommendations > 2012)
            #expect(byResponse["supported"]! + byResponse["noted"]! == recommendations)
            #expect((json["byState"] as? [String: Int])?["Mongolia"] == 129)

            let search = try await upr(["search", "torture", "--state", "Mongolia", "--json", "--database", db])
            let page = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
            #expect(page["total"] as? Int == 12)

            let csv = try await upr(["export", "--format", "csv", "--state", "Mongolia", "--database", db])
            #expect(csv.status == 0)
            let lines = csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first?.hasPrefix("id,kind,state_under_review") == true)
            #expect(lines.count == 130)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func uhriExportsImportAndCountByMechanism(_ database: TestDatabase) async throws {
        try await withDatabase(database) { db in
            let json = UHRIImportTests.json.path
            // Told the format, the JSON is read as a stream, as a 400 MB export would be.
            let imported = try await upr(["import", json, "--format", "uhri-json", "--database", db])
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(imported.stdout.contains("mongolia-uhri.json: 40 rows read (uhri-json); 40 created"))
            #expect(imported.stdout.contains("terms added: theme: D32 Enforced disappearances"))
            // The workbook is detected from its content (not taken for a plan matrix) and changes nothing.
            let workbook = try await upr(["import", UHRIImportTests.xlsx.path, "--database", db])
            #expect(workbook.status == 0, "\(workbook.stderr)")
            #expect(workbook.stdout.contains("(uhri-xlsx); 0 created, 0 updated, 40 unchanged"), "\(workbook.stdout)")

            let stats = try await upr(["stats", "--database", db])
            #expect(stats.stdout.contains("Recommendations: 36"), "\(stats.stdout)")
            #expect(stats.stdout.contains("Concerns and observations: 4"))
            #expect(stats.stdout.contains("By mechanism: upr 20, cat 2, ccpr 1, cescr 1, cedaw 2, crc 2,"))
            #expect(stats.stdout.contains("Concerns and observations by mechanism: cat 1, ccpr 1, cedaw 1,"))
            let asJSON = try await upr(["stats", "--json", "--database", db])
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(asJSON.stdout.utf8)) as? [String: Any])
            #expect((object["byMechanism"] as? [String: Int])?["special-procedures"] == 5)

            // A file cut short fails with its record named, and nothing of it is written.
            let cut = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: cut) }
            let data = try Data(contentsOf: UHRIImportTests.json)
            try data.prefix(data.count / 2).write(to: cut)
            let failed = try await upr(["import", cut.path, "--format", "uhri-json", "--database", db])
            #expect(failed.status == 65)
            #expect(failed.stderr.contains("Import failed, nothing was written: \(cut.lastPathComponent), record"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aFailedImportExitsNonZeroAndWritesNothing(_ database: TestDatabase) async throws {
        try await withDatabase(database) { db in
            let bad = FileManager.default.temporaryDirectory.appendingPathComponent("wrong-header-\(UUID()).csv")
            try "Country,Recommendation\r\nMongolia,Ratify\r\n".write(to: bad, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: bad) }
            let run = try await upr(["import", Fixture.mongolia.path, bad.path, "--database", db])
            #expect(run.status != 0)
            #expect(run.stderr.contains("nothing was written"))
            #expect(run.stderr.contains(bad.lastPathComponent))
            let stats = try await upr(["stats", "--json", "--database", db])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
            #expect(json["recommendations"] as? Int == 0)
        }
    }

    /// A new SQLite file is filled through a rollback journal (each page written once) and switched to
    /// write-ahead logging by the next command that opens it; an existing file keeps write-ahead logging.
    @Test func aNewFileIsImportedWithoutTheLogAndServedWithIt() async throws {
        try await withDatabase(.sqlite) { db in
            func writeVersion() throws -> UInt8 {
                // Byte 18 of a SQLite header: 1 for a rollback journal, 2 for write-ahead logging.
                try Data(contentsOf: URL(fileURLWithPath: db))[18]
            }
            #expect(try await upr(["import", Fixture.mongolia.path, "--database", db]).status == 0)
            #expect(try writeVersion() == 1)
            let stats = try await upr(["stats", "--database", db])
            #expect(stats.status == 0)
            #expect(stats.stdout.contains("Recommendations: 129"))
            #expect(try writeVersion() == 2)
            #expect(try await upr(["import", Fixture.session9.path, "--database", db]).status == 0)
            #expect(try writeVersion() == 2)
        }
    }

    /// `upr user add` and `upr user reset` mail their links when SMTP is configured, at once, without a server.
    @Test(arguments: TestDatabase.allCases)
    func userCommandsMailTheirLinks(_ database: TestDatabase) async throws {
        let sink = try await SMTPSink.start()
        let smtp = [
            "UPR_SMTP_HOST": "127.0.0.1", "UPR_SMTP_PORT": String(sink.port), "UPR_SMTP_SECURITY": "none",
            "UPR_SMTP_FROM": "UPR Tracker <upr@test.upr>", "UPR_PUBLIC_URL": "https://upr.example.mn",
        ]
        try await withDatabase(database) { db in
            let added = try await upr(
                ["user", "add", "bold@test.upr", "--name", "Б. Болд", "--role", "cso-member", "--database", db],
                environment: smtp)
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stderr.contains("Mailed the link to bold@test.upr."))
            let welcomeLink = try #require(added.stdout.split(separator: "\n").last.map(String.init))
            #expect(welcomeLink.hasPrefix("https://upr.example.mn/password-reset/"))

            let reset = try await upr(["user", "reset", "bold@test.upr", "--database", db], environment: smtp)
            #expect(reset.status == 0, "\(reset.stderr)")
            let resetLink = reset.stdout.trimmingCharacters(in: .whitespacesAndNewlines)

            let status = try await upr(["mail", "status", "--database", db], environment: smtp)
            #expect(status.stdout.hasPrefix("Waiting: 0, sent: 2, given up: 0"))
            let idle = try await upr(["mail", "send", "--database", db], environment: smtp)
            #expect(idle.status == 0)
            #expect(idle.stdout.contains("0 sent, 0 to be retried, 0 given up, 0 expired"))
            let without = try await upr(["mail", "send", "--database", db])
            #expect(without.status != 0)
            #expect(without.stderr.contains("UPR_SMTP_HOST"))

            let mails = sink.received
            #expect(mails.map(\.recipients) == [["bold@test.upr"], ["bold@test.upr"]])
            #expect(mails.first?.subject == "Your UPR Tracker account / Таны UPR зөвлөмжийн хяналтын бүртгэл")
            #expect(mails.first?.text.contains(welcomeLink) == true)
            #expect(mails.last?.text.contains(resetLink) == true)
            #expect(
                mails.last?.header("To") == "=?UTF-8?B?" + Data("Б. Болд".utf8).base64EncodedString()
                    + "?= <bold@test.upr>")
        }
        await sink.shutdown()
    }

    /// A new installation is set up from the command line: organisations first, then accounts in them.
    @Test(arguments: TestDatabase.allCases)
    func organisationsFromTheCommandLine(_ database: TestDatabase) async throws {
        try await withDatabase(database) { db in
            let added = try await upr([
                "organisation", "add", "Ministry of Justice", "--kind", "ministry", "--database", db,
            ])
            #expect(added.status == 0, "\(added.stderr)")
            #expect(added.stdout.contains("Ministry of Justice (ministry)"))
            let again = try await upr([
                "organisation", "add", "ministry of justice", "--kind", "ministry", "--database", db,
            ])
            #expect(again.status != 0)
            #expect(again.stderr.contains("Cannot add “ministry of justice” (name)"))
            let wrongKind = try await upr(["organisation", "add", "X", "--kind", "club", "--database", db])
            #expect(wrongKind.status != 0)
            _ = try await upr(["organisation", "add", "Open Society Forum", "--kind", "cso", "--database", db])
            let list = try await upr(["organisation", "list", "--database", db])
            #expect(
                list.stdout.split(separator: "\n").map { $0.split(separator: "\t").dropFirst().joined(separator: " ") }
                    == ["ministry Ministry of Justice", "cso Open Society Forum"])
            let user = try await upr(
                [
                    "user", "add", "a@b.org", "--name", "A", "--role", "focal-point", "--organisation",
                    "Ministry of Justice",
                    "--database", db,
                ])
            #expect(user.status == 0, "\(user.stderr)")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func refreshClassifiesAgainAndRegroups(_ database: TestDatabase) async throws {
        try await withDatabase(database) { db in
            let imported = try await upr(["import", Fixture.tonga.path, "--database", db])
            #expect(imported.status == 0, "\(imported.stderr)")
            let refreshed = try await upr(["refresh", "--database", db])
            #expect(refreshed.status == 0, "\(refreshed.stderr)")
            // The 93 second-cycle recommendations have no labels in the file; the groups are the import's again.
            #expect(refreshed.stdout.hasPrefix("93 recommendations classified; "))
            func total(_ arguments: [String]) async throws -> Int? {
                let run = try await upr(
                    ["search", "CEDAW", "--state", "Tonga", "--json", "--database", db] + arguments)
                let page = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
                return page?["total"] as? Int
            }
            let all = try #require(try await total([]))
            let recurring = try #require(try await total(["--recurring"]))
            #expect(recurring > 0 && recurring < all)
        }
    }

    /// `upr search` filters by UHRI's body and SDG target like the list and the API, and refuses a target that is
    /// not one of the 169.
    @Test(arguments: TestDatabase.allCases)
    func searchFiltersByBodyAndSDGTarget(_ database: TestDatabase) async throws {
        try await withDatabase(database) { db in
            let imported = try await upr(["import", MechanismFilterTests.uhriFixture.path, "--database", db])
            #expect(imported.status == 0, "\(imported.stderr)")
            let filters = ["--body", "cat", "--sdg-target", "16.3", "--database", db]
            let search = try await upr(["search", "torture", "--json"] + filters)
            #expect(search.status == 0, "\(search.stderr)")
            let page = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
            #expect(page["total"] as? Int == 2)
            let items = try #require(page["items"] as? [[String: Any]])
            #expect(Set(items.compactMap { $0["recommendingBody"] as? String }) == ["CAT"])
            // The committee's concern is listed as what it is, not as a pending recommendation.
            let text = try await upr(["search", "torture"] + filters)
            #expect(text.stdout.contains("Mongolia 9 (concern-observation): The Committee is concerned"))
            let refused = try await upr(["search", "torture", "--sdg-target", "16.11", "--database", db])
            #expect(refused.status != 0)
            #expect(refused.stderr.contains("sdgTarget") && refused.stderr.contains("16.11"))
        }
    }

    @Test func everyCommandHasHelp() async throws {
        for command in ["serve", "import", "stats", "search", "export", "mail", "organisation", "refresh"] {
            let run = try await upr([command, "--help"])
            #expect(run.status == 0, "\(command)")
            #expect(run.stdout.contains("USAGE: upr \(command)"), "\(command)")
        }
        let unknown = try await upr(["import", "--format", "pdf", "x"])
        #expect(unknown.status != 0)
    }
}
