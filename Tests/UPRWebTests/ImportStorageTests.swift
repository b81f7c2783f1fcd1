import Foundation
import Testing
import UPRStore
import UPRWeb
import VaporTesting

/// Importing real files into the database: counts, idempotency, atomicity, provenance and history.
@Suite struct ImportStorageTests {
    @Test(arguments: TestDatabase.allCases)
    func mongoliaImportsAsOneRecordPerParagraph(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let summaries = try await app.importFiles([Fixture.mongolia])
            #expect(summaries.count == 1)
            #expect(summaries[0].rowsRead == 131)
            #expect(summaries[0].created == 129)
            #expect(try await app.count("recommendations") == 129)
            #expect(try await app.count("recommendations", where: "WHERE response = 'supported'") == 126)
            #expect(try await app.count("recommendations", where: "WHERE response = 'noted'") == 3)
            // Joint recommendations keep every recommending state: 131 rows, 129 records.
            #expect(try await app.count("recommending_states") == 131)
            #expect(try await app.count("provenance") == 131)
            #expect(try await app.count("response_events") == 129)
            #expect(try await app.count("audit_log", where: "WHERE action = 'import'") == 1)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func importingTheSameFileTwiceChangesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.session9])
            let before = try await snapshot(app)
            let again = try await app.importFiles([Fixture.session9])
            #expect(again[0].created == 0)
            #expect(again[0].updated == 0)
            #expect(again[0].unchanged == 2012)
            #expect(try await snapshot(app) == before)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aBadFileLeavesTheDatabaseUnchanged(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.mongolia])
            let before = try await snapshot(app)
            let broken = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID()).csv")
            let good = try Data(contentsOf: Fixture.session9)
            try good.prefix(good.count / 2).write(to: broken)
            defer { try? FileManager.default.removeItem(at: broken) }
            // A good file and a truncated one: the error names the file, and neither is written.
            await #expect(throws: FileImport.Failure.self) {
                try await app.importFiles([Fixture.session9, broken])
            }
            #expect(try await snapshot(app) == before)
            for garbage in [Data(), Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })] {
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("garbage-\(UUID()).csv")
                try garbage.write(to: url)
                defer { try? FileManager.default.removeItem(at: url) }
                do {
                    try await app.importFiles([url])
                    Issue.record("garbage was imported")
                } catch let failure as FileImport.Failure {
                    #expect(failure.description.contains(url.lastPathComponent))
                }
            }
            #expect(try await snapshot(app) == before)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func ohchrListImportsWithParagraphsAndThemes(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let summaries = try await app.importFiles([Fixture.sloveniaCycle2])
            #expect(summaries[0].format == "ohchr-docx")
            #expect(summaries[0].created > 100)
            let sql = try app.sql()
            let row = try #require(
                try await sql.raw(
                    "SELECT id, text, response, response_source FROM recommendations WHERE paragraph = '115.3'"
                ).first())
            #expect(try row.decode(column: "text", as: String.self).hasPrefix("Ratify the Optional Protocol"))
            #expect(try row.decode(column: "response", as: String.self) == "supported")
            let id = try row.decode(column: "id", as: Int.self)
            let detail = try #require(try await RecommendationDetail.load(id: id, on: sql))
            #expect(detail.recommendation.recommendingStates == ["Portugal", "Slovakia"])
            #expect(detail.reportSymbol == "A/HRC/28/15")
            #expect(detail.terms.contains { $0.taxonomy == "theme" && $0.code == "A12" })
            #expect(detail.terms.contains { $0.taxonomy == "affected-persons" && $0.name == "children" })
            // Siblings of the same report paragraph (115.x) are listed, in numeric order.
            #expect(detail.sameParagraph.contains { $0.paragraph == "115.4" })
            let again = try await app.importFiles([Fixture.sloveniaCycle2])
            #expect(again[0].created == 0 && again[0].updated == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aChangedResponseIsUpdatedAndKeptInTheHistory(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.mongolia])
            // The same export, later, with one noted recommendation now accepted.
            let original = try String(contentsOf: Fixture.mongolia, encoding: .utf8)
            let lines = original.components(separatedBy: "\r\n")
            let index = try #require(lines.firstIndex { $0.contains(",Noted,") })
            var changed = lines
            changed[index] = lines[index].replacingOccurrences(of: ",Noted,", with: ",Accepted,")
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("mongolia-later-\(UUID()).csv")
            try changed.joined(separator: "\r\n").write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            let summary = try await app.importFiles([url])[0]
            #expect(summary.updated == 1)
            #expect(summary.created == 0)
            #expect(try await app.count("recommendations", where: "WHERE response = 'noted'") == 2)
            let row = try #require(
                try await app.sql().raw(
                    "SELECT id, version FROM recommendations WHERE response_source IS NULL AND version = 2"
                )
                .first())
            let id = try row.decode(column: "id", as: Int.self)
            let detail = try #require(try await RecommendationDetail.load(id: id, on: app.sql()))
            #expect(detail.responseHistory.map(\.response) == [.noted, .supported])
            #expect(detail.provenance.count == 2)
        }
    }
}

/// A digest of what imports write, to compare before and after.
func snapshot(_ app: Application) async throws -> [String: Int] {
    var out: [String: Int] = [:]
    for table in [
        "states", "reviews", "recommendations", "recommending_states", "response_events", "recommendation_terms",
        "provenance", "taxonomy_terms",
    ] {
        out[table] = try await app.count(table)
    }
    out["versions"] = try await app.sql().raw("SELECT COALESCE(SUM(version), 0) AS n FROM recommendations").first()!
        .decode(column: "n", as: Int.self)
    return out
}
