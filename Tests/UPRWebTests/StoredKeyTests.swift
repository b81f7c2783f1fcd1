import Foundation
import SQLKit
import Testing
import UPRDomain
import VaporTesting

@testable import UPRStore

/// Natural keys as stored, and the full-text index that reads its texts from the recommendations table.
@Suite struct StoredKeyTests {
    @Test func shortKeysAreKeptAndLongOnesBecomeAPrefixAndADigest() {
        #expect(StoredKey.of("Mongolia|s9|para:84.1") == "Mongolia|s9|para:84.1")
        let text = "Mongolia|s9|text:" + String(repeating: "ratify the optional protocol ", count: 4)
        let stored = StoredKey.of(text)
        #expect(stored.hasPrefix("Mongolia|s9|sha256:"))
        #expect(stored.count == "Mongolia|s9|sha256:".count + 32)
        #expect(StoredKey.of(text) == stored)
        #expect(StoredKey.of(text + "s") != stored)
    }

    /// A re-import that changes a text (same paragraph) moves the record's index terms from the old text to the
    /// new one; the index stays consistent with the table (FTS5's integrity check) and so does the search.
    @Test(arguments: TestDatabase.allCases)
    func aChangedTextIsFoundByItsNewWordsOnly(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            func batch(_ text: String) -> ImportBatch {
                let record = RecommendationRecord(
                    stateUnderReview: "Mongolia", session: 9, paragraph: "84.1", text: text,
                    recommendingStates: ["Norway"], response: .supported,
                    provenance: [Provenance(file: "hand.csv", row: 1)])
                return ImportBatch(
                    fileName: "hand.csv", format: "upr-info", sha256: text, rowsRead: 1, records: [record])
            }
            _ = try await RecordWriter.write(
                [batch("Abolish the death penalty for all crimes")], actor: "test", on: app.db)
            let summary = try await RecordWriter.write(
                [batch("Establish a national preventive mechanism against torture")], actor: "test", on: app.db)
            #expect(summary[0].updated == 1)
            func total(_ words: String) async throws -> Int {
                var filter = RecommendationFilter()
                filter.q = words
                return try await RecommendationSearch.run(filter, on: app.sql()).total
            }
            #expect(try await total("torture") == 1)
            #expect(try await total("death penalty") == 0)
            if database == .sqlite {
                try await app.sql().raw(
                    "INSERT INTO recommendations_fts (recommendations_fts, rank) VALUES ('integrity-check', 1)"
                ).run()
            }
        }
    }
}
