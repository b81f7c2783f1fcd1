import Foundation
import SQLKit
import Testing
import UPRWeb
import VaporTesting

@testable import UPRStore

/// Cached search results are used only while the registry has not changed, and a first import into an empty
/// registry (which defers its indexes) leaves every index in place.
@Suite struct SearchCacheTests {
    @Test(arguments: TestDatabase.allCases)
    func aCachedSearchSeesTheNextImport(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.mongolia])
            let cache = SearchCache(capacity: 8)
            var filter = RecommendationFilter()
            filter.response = .noted
            let first = try await RecommendationSearch.run(filter, on: app.sql(), cache: cache)
            #expect(first.total == 3)
            #expect(cache.count == 1)
            let again = try await RecommendationSearch.run(filter, on: app.sql(), cache: cache)
            #expect(again == first)
            #expect(cache.count == 1)

            // The same export, later, with one noted recommendation now accepted.
            let version = try await RegistryVersion.current(on: app.sql())
            let original = try String(contentsOf: Fixture.mongolia, encoding: .utf8)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("mongolia-cache-\(UUID()).csv")
            try original.replacingFirst(",Noted,", with: ",Accepted,").write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            #expect(try await app.importFiles([url])[0].updated == 1)
            #expect(try await RegistryVersion.current(on: app.sql()) > version)

            let after = try await RecommendationSearch.run(filter, on: app.sql(), cache: cache)
            #expect(after.total == 2)
            #expect(after == (try await RecommendationSearch.run(filter, on: app.sql())))
        }
    }

    /// The API answers a repeated search from its cached JSON, byte for byte, and answers anew after a write.
    @Test(arguments: TestDatabase.allCases)
    func theAPIAnswersFromTheCacheUntilTheRegistryChanges(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.mongolia])
            let url = "/api/v1/recommendations?state=Mongolia&response=noted"
            func body() async throws -> String {
                var text = ""
                try await app.testing().test(.GET, url) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers.contentType == .json)
                    text = response.body.string
                }
                return text
            }
            let first = try await body()
            #expect(first.contains("\"total\":3"))
            #expect(try await body() == first)
            #expect(app.searchCache?.count == 1)

            let original = try String(contentsOf: Fixture.mongolia, encoding: .utf8)
            let changed = FileManager.default.temporaryDirectory.appendingPathComponent("mongolia-api-\(UUID()).csv")
            try original.replacingFirst(",Noted,", with: ",Accepted,").write(
                to: changed, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: changed) }
            _ = try await app.importFiles([changed])
            #expect(try await body().contains("\"total\":2"))
        }
    }

    @Test func theCacheKeepsAtMostItsCapacity() async throws {
        let cache = SearchCache(capacity: 2)
        #expect(cache.capacity == 2)
        try await withApp(.sqlite) { app in
            try await app.importFiles([Fixture.mongolia])
            for word in ["torture", "women", "children"] {
                var filter = RecommendationFilter()
                filter.q = word
                _ = try await RecommendationSearch.run(filter, on: app.sql(), cache: cache)
            }
            #expect(cache.count == 2)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aFirstImportLeavesEveryIndexInPlace(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let before = try await indexes(app, database)
            #expect(before.contains("recommendations_state"))
            #expect(before.contains("recommendation_terms_term"))
            try await app.importFiles([Fixture.session9])
            #expect(try await indexes(app, database) == before)
            // The planner has statistics to choose its plans with (SQLite keeps them in sqlite_stat1).
            if database == .sqlite {
                #expect(try await app.count("sqlite_stat1") > 0)
            }
        }
    }

    /// The import turns SQLite's per-row key checks off and checks every key once at the end: a row whose parent
    /// does not exist must still fail it.
    @Test func theClosingKeyCheckFindsAnOrphanRow() async throws {
        try await withApp(.sqlite) { app in
            try await app.importFiles([Fixture.mongolia])
            try await app.db.withConnection { connection in
                let sql = try connection.sqlDatabase()
                try await sql.raw("PRAGMA foreign_keys = OFF").run()
                defer { _ = sql.raw("PRAGMA foreign_keys = ON").run() }
                try await connection.transaction { transaction in
                    let inside = try transaction.sqlDatabase()
                    try await BulkLoad().checkForeignKeys(inside)
                    try await inside.raw(
                        "INSERT INTO provenance (recommendation_id, import_id, file_name, row_number) VALUES (999999, 1, 'x', 1)"
                    ).run()
                    await #expect(throws: StoreError.self) { try await BulkLoad().checkForeignKeys(inside) }
                    try await inside.raw("DELETE FROM provenance WHERE recommendation_id = 999999").run()
                }
            }
            #expect(try await app.count("provenance") == 131)
        }
    }

    private func indexes(_ app: Application, _ database: TestDatabase) async throws -> [String] {
        let query: SQLQueryString =
            database == .sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
            : "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
        return try await app.sql().raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
