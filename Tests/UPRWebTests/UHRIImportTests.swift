import Foundation
import SQLKit
import Testing
import UPRDomain
import UPRImport
import VaporTesting

@testable import UPRStore

/// Importing UHRI exports into the registry, on both databases: the committed fixture (20 UPR paragraphs of
/// Mongolia's first review, the same ones UPR Info's session 9 excerpt holds, and 20 records of treaty bodies and
/// special procedures), read whole or as a stream.
@Suite struct UHRIImportTests {
    static var json: URL { MechanismFilterTests.uhriFixture }
    static var xlsx: URL { json.deletingPathExtension().appendingPathExtension("xlsx") }

    /// Imports `url` as a stream (the path a 400 MB export takes), `chunk` records at a time.
    func importStreamed(_ app: Application, _ url: URL, chunk: Int = 10_000) async throws -> ImportSummary {
        try await RecordWriterSession.$streamChunk.withValue(chunk) {
            let summaries = try await FileImport.run(paths: [url.path], format: .uhriJSON, actor: "test", on: app.db)
            return try #require(summaries.first)
        }
    }

    func rows(_ app: Application, _ query: SQLQueryString) async throws -> [any SQLRow] {
        try await app.sql().raw(query).all()
    }

    @Test(arguments: TestDatabase.allCases)
    func aUHRIParagraphAndTheSameUPRInfoRowAreOneRecommendation(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            // The excerpt holds session 9 of every state reviewed in it; Mongolia's review is 129 recommendations.
            let uprInfo = try #require(try await app.importFiles([Fixture.session9]).first)
            let mongolia = "WHERE state_id = (SELECT id FROM states WHERE name = 'Mongolia')"
            #expect(try await app.count("recommendations", where: mongolia) == 129)
            let summary = try await importStreamed(app, Self.json, chunk: 7)
            // Twenty UPR paragraphs found in UPR Info's rows (one of them by its text only: UPR Info writes
            // "children's", UHRI "children’s"); the twenty other records are new.
            #expect(summary.created == 20)
            #expect(summary.updated == 20)
            #expect(summary.unchanged == 0)
            #expect(summary.rowsRead == 40)
            #expect(summary.format == "uhri-json")
            #expect(try await app.count("recommendations", where: mongolia + " AND mechanism = 'upr'") == 129)
            #expect(try await app.count("recommendations") == uprInfo.created + 20)

            // The merged row has UPR Info's provenance and UHRI's, and the fields only UHRI gives.
            let merged = try #require(
                try await rows(
                    app,
                    """
                    SELECT id, paragraph, natural_key, annotation_id, recommending_body, position_as_given,
                           publication_date, indexed_date, response FROM recommendations
                    WHERE text LIKE 'Uphold its commitment to strengthen the national mechanism%'
                    """
                ).first)
            let id = try merged.decode(column: "id", as: Int.self)
            #expect(try merged.decode(column: "paragraph", as: String?.self) == "84.26")
            #expect(try merged.decode(column: "natural_key", as: String.self).hasSuffix("|s9|para:84.26"))
            #expect(try merged.decode(column: "annotation_id", as: String?.self) != nil)
            #expect(try merged.decode(column: "recommending_body", as: String?.self) == "UPR")
            #expect(try merged.decode(column: "position_as_given", as: String?.self) == "Supported")
            #expect(try merged.decode(column: "publication_date", as: String?.self) == "2011-01-04")
            #expect(try merged.decode(column: "indexed_date", as: String?.self) == "2021-06-15")
            #expect(try merged.decode(column: "response", as: String.self) == "supported")
            let files = try await rows(
                app, "SELECT DISTINCT file_name FROM provenance WHERE recommendation_id = \(bind: id) ORDER BY 1")
            #expect(
                try files.map { try $0.decode(column: "file_name", as: String.self) }
                    == ["mongolia-uhri.json", "uprinfo-session9-excerpt.csv"])
            // UPR Info's issues stay beside UHRI's themes and SDG targets.
            let taxonomies = try await rows(
                app,
                """
                SELECT DISTINCT t.taxonomy FROM recommendation_terms rt JOIN taxonomy_terms t ON t.id = rt.term_id
                WHERE rt.recommendation_id = \(bind: id) AND rt.origin = 'source' ORDER BY 1
                """)
            let names = try taxonomies.map { try $0.decode(column: "taxonomy", as: String.self) }
            #expect(names.contains("issue") && names.contains("theme") && names.contains("sdg-target"), "\(names)")

            // Concerns are kept, with their kind, and counted apart from recommendations.
            #expect(try await app.count("recommendations", where: "WHERE kind = 'concern-observation'") == 4)
            let stats = try await RegistryStatistics.load(on: app.sql())
            #expect(stats.recommendations == uprInfo.created + 16)
            #expect(stats.concernsObservations == 4)
            #expect(stats.byMechanism["upr"] == uprInfo.created)
            #expect(stats.byMechanism["cedaw"] == 2)
            #expect(stats.concernsByMechanism["cedaw"] == 1)
            #expect(stats.byMechanism["special-procedures"] == 5)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aUHRIParagraphAndTheSameOHCHRListRowAreOneRecommendation(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            // Slovenia's second review from OHCHR's thematic list, then three of its paragraphs as UHRI gives them
            // (typographic quotes, the number in the text): the same state, session and paragraph.
            let list = try #require(try await app.importFiles([Fixture.sloveniaCycle2]).first)
            let parsed = try Importer.parse(
                data: try Data(contentsOf: Fixture.sloveniaCycle2), fileName: "slovenia-cycle2-session20.docx")
            let chosen = Array(parsed.records.filter { $0.paragraph != nil }.prefix(3))
            #expect(chosen.count == 3)
            let objects: [[String: Any]] = chosen.enumerated().map { index, record in
                [
                    "AnnotationId": "0b4d6f1c-2a9e-4c7e-9a3b-5d7f0100\(String(format: "%04d", index))",
                    "AnnotationType": "Recommendations", "Body": "UPR", "Countries": [record.stateUnderReview],
                    "Symbol": record.reportSymbol ?? "A/HRC/24/14",
                    "Text": "<p>\(record.paragraph!)&nbsp;"
                        + record.text.replacingOccurrences(of: "'", with: "&rsquo;") + "</p>",
                    "UprSession": ["\(record.session!) Session"], "UprPositions": ["Supported"],
                    "Sdgs": ["5.1 - End all forms of discrimination against all women and girls everywhere"],
                    "UprRecommendingCountry": record.recommendingStates,
                ]
            }
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("uhri-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: url) }
            try JSONSerialization.data(withJSONObject: objects).write(to: url)
            let summary = try await importStreamed(app, url, chunk: 2)
            #expect((summary.created, summary.updated) == (0, 3))
            #expect(try await app.count("recommendations") == list.created)
            #expect(try await app.count("recommendations", where: "WHERE annotation_id IS NOT NULL") == 3)
            let targets = try await app.count(
                "recommendation_terms",
                where: "WHERE term_id = (SELECT id FROM taxonomy_terms WHERE taxonomy = 'sdg-target' AND code = '5.1')")
            #expect(targets == 3)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func rowsWrittenBeforeTextKeysExistedAreFoundByText(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            // As in a database upgraded from before UHRI: UPR Info's rows have no text key.
            _ = try await app.importFiles([Fixture.session9])
            try await app.sql().raw("UPDATE recommendations SET text_key = NULL").run()
            let summary = try #require(try await app.importFiles([Self.json]).first)
            #expect((summary.created, summary.updated) == (20, 20))
            #expect(try await app.count("recommendations", where: "WHERE text_key IS NULL") == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func reImportingEitherLayoutChangesNothing(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            // Into an empty registry, three records a chunk: later chunks find nothing in the database to match,
            // and the file's own earlier rows are what they are compared with.
            let first = try await importStreamed(app, Self.json, chunk: 3)
            #expect(first.created == 40)
            let ids = try await rows(app, "SELECT id, version FROM recommendations ORDER BY id")
            let again = try await importStreamed(app, Self.json, chunk: 3)
            #expect((again.created, again.updated, again.unchanged) == (0, 0, 40))
            // The workbook holds the same records: read whole, it too finds every one unchanged.
            let workbook = try #require(try await app.importFiles([Self.xlsx]).first)
            #expect(workbook.format == "uhri-xlsx")
            #expect((workbook.created, workbook.updated, workbook.unchanged) == (0, 0, 40))
            let after = try await rows(app, "SELECT id, version FROM recommendations ORDER BY id")
            #expect(
                try after.map { try $0.decode(column: "id", as: Int.self) }
                    == ids.map { try $0.decode(column: "id", as: Int.self) })
            #expect(try after.allSatisfy { try $0.decode(column: "version", as: Int.self) == 1 })
            #expect(try await app.count("imports") == 3)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aChangedTextIsFoundByItsAnnotationID(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await app.importFiles([Self.json])
            var records = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: Self.json)) as? [[String: Any]])
            let annotation = try #require(records[0]["AnnotationId"] as? String)
            // OHCHR corrects the text and renumbers the paragraph: the natural key changes, the annotation id not.
            records[0]["Text"] = "<p>84.99&nbsp;Ratify, at the earliest possible date, the Convention (corrected)</p>"
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("uhri-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: url) }
            try JSONSerialization.data(withJSONObject: records).write(to: url)
            let summary = try await importStreamed(app, url, chunk: 5)
            #expect((summary.created, summary.updated, summary.unchanged) == (0, 1, 39))
            let row = try #require(
                try await rows(
                    app,
                    """
                    SELECT text, version FROM recommendations WHERE LOWER(annotation_id) = LOWER(\(bind: annotation))
                    """
                ).first)
            #expect(try row.decode(column: "text", as: String.self).hasSuffix("(corrected)"))
            #expect(try row.decode(column: "version", as: Int.self) == 2)
            #expect(try await app.count("recommendations") == 40)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aStreamedFileGroupsARecommendationMadeAgain(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            var records = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: Self.json)) as? [[String: Any]])
            // The first paragraph made again in the second cycle: one group across cycles, worked out once the
            // last chunk is written.
            var again = records[0]
            again["AnnotationId"] = "6f1c2a9e-0b4d-4c7e-9a3b-5d7f01009999"
            again["UprSession"] = ["22 Session"]
            again["UprCycle"] = "2nd cycle"
            again["Symbol"] = "A/HRC/30/6"
            again["Text"] = (records[0]["Text"] as? String)?.replacingOccurrences(of: "84.1&nbsp;", with: "98.7&nbsp;")
            records.append(again)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("uhri-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: url) }
            try JSONSerialization.data(withJSONObject: records).write(to: url)
            let summary = try await importStreamed(app, url, chunk: 6)
            #expect(summary.created == 41)
            let members = try await rows(
                app,
                """
                SELECT r.paragraph FROM recurrence_members m JOIN recommendations r ON r.id = m.recommendation_id
                ORDER BY r.paragraph
                """)
            #expect(try members.map { try $0.decode(column: "paragraph", as: String?.self) } == ["84.1", "98.7"])
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aFileCutShortLeavesTheRegistryAsItWas(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let before = try #require(try await app.importFiles([Fixture.session9]).first).created
            let data = try Data(contentsOf: Self.json)
            // Cut in the middle of a late record: the first chunks are written before the fault is read.
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).json")
            defer { try? FileManager.default.removeItem(at: url) }
            try data.prefix(data.count * 9 / 10).write(to: url)
            await #expect {
                _ = try await importStreamed(app, url, chunk: 4)
            } throws: { error in
                let message = (error as? FileImport.Failure)?.description ?? ""
                return message.contains(url.lastPathComponent) && message.contains("record")
            }
            #expect(try await app.count("recommendations") == before)
            #expect(try await app.count("imports") == 1)
            #expect(try await app.count("recommendations", where: "WHERE annotation_id IS NOT NULL") == 0)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func concernsAreNeitherAssessedNorGrouped(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await app.importFiles([Self.json])
            let concern = try #require(
                try await rows(app, "SELECT id FROM recommendations WHERE kind = 'concern-observation' LIMIT 1").first)
            let id = try concern.decode(column: "id", as: Int.self)
            #expect(try await app.count("recurrence_members", where: "WHERE recommendation_id = \(id)") == 0)
            let state = try await StateDirectory.id(named: "Mongolia", on: app.sql())
            let round = AssessmentRound(
                id: 0, stateID: try #require(state), stateName: "Mongolia", cycle: nil, title: "2017",
                heldOn: "2017-06-01", status: .open, meetingID: nil, closedAt: nil, version: 1, assessmentCount: 0)
            let recommendation = try #require(
                try await rows(app, "SELECT id FROM recommendations WHERE kind = 'recommendation' LIMIT 1").first)
            #expect(
                try await AssessmentStore(app.sql()).inScope(
                    round, try recommendation.decode(column: "id", as: Int.self)))
            #expect(try await AssessmentStore(app.sql()).inScope(round, id) == false)
            // Nor does an indicator track one: the store refuses the link by name.
            var fields = IndicatorFixture.fields(ministry: 0, partner: 0, entry: 0)
            fields.responsibleOrganisationID = nil
            fields.dataPartnerIDs = []
            fields.planEntryIDs = []
            fields.recommendationIDs = [id]
            await #expect {
                _ = try await IndicatorStore(app.sql()).create(fields, userID: nil, actor: "test")
            } throws: { error in
                guard case StoreError.invalid(let field, let key) = error else { return false }
                return field == "recommendations" && key == "indicator.error.concern"
            }
            #expect(try await app.count("indicators") == 0)
        }
    }
}
