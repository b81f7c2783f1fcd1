import Foundation
import Testing
import UPRDomain
import UPRImport
import VaporTesting

@testable import UPRStore

/// The mechanism and document-symbol filters, on the list page and in the API, over UPR Info's Mongolian session 9
/// and the treaty-body and special-procedure records of the committed UHRI fixture (made from real texts).
@Suite struct MechanismFilterTests {
    /// The UHRI fixture of `UPRImportTests`, read where it is committed so that it exists once.
    static var uhriFixture: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("UPRImportTests/Fixtures/uhri/mongolia-uhri.json")
    }

    /// Writes the fixture's records as an import of the JSON export writes them, after `adjust` (which may drop
    /// records or add what the fixture lacks); returns the records written.
    @discardableResult
    static func writeUHRI(_ app: Application, adjust: (inout [RecommendationRecord]) -> Void = { _ in }) async throws
        -> [RecommendationRecord]
    {
        let data = try Data(contentsOf: uhriFixture)
        var records = try UHRIJSONParser.parse(data: data, fileName: "mongolia-uhri.json").records
        adjust(&records)
        let batch = ImportBatch(
            fileName: "mongolia-uhri.json", format: "uhri-json", sha256: "fixture", rowsRead: records.count,
            records: records)
        _ = try await RecordWriter.write([batch], actor: "test", on: app.db)
        return records
    }

    /// Writes the fixture's records of every mechanism but the UPR (whose records are UPR Info's here).
    static func writeOtherMechanisms(_ app: Application) async throws -> [RecommendationRecord] {
        try await writeUHRI(app) { $0.removeAll { $0.mechanism == .upr } }
    }

    func total(_ app: Application, _ query: String) async throws -> Int {
        var total = -1
        try await app.testing().test(.GET, "/api/v1/recommendations?" + query) { response in
            #expect(response.status == .ok, "\(query): \(response.body.string)")
            let body = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            total = body?["total"] as? Int ?? -1
        }
        return total
    }

    @Test(arguments: TestDatabase.allCases)
    func theAPIFiltersByMechanismAndSymbol(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.session9])
            let others = try await Self.writeOtherMechanisms(app)
            let treatyBodies = others.filter(\.mechanism.isTreatyBody)
            #expect(treatyBodies.count >= 10 && treatyBodies.count < others.count)
            #expect(try await total(app, "mechanism=cedaw") == 3)
            #expect(try await total(app, "mechanism=CEDAW&state=Mongolia") == 3)
            #expect(try await total(app, "mechanism=treaty-bodies") == treatyBodies.count)
            #expect(try await total(app, "mechanism=special-procedures") == others.count - treatyBodies.count)
            #expect(try await total(app, "mechanism=upr&state=Mongolia") == 129)
            #expect(try await total(app, "mechanism=crc") == 2, "the CRC and its optional protocol's committee")
            #expect(try await total(app, "symbol=cedaw/c/mng/co/8-9") == 3)
            #expect(try await total(app, "symbol=CAT/C/MNG/CO/2&mechanism=cat") == 3)
            #expect(try await total(app, "symbol=CAT/C/MNG/CO/2&mechanism=cedaw") == 0)
            #expect(try await total(app, "symbol=CAT/C/XXX/CO/9") == 0)

            // The items carry the symbol, so a client can cite what it lists.
            try await app.testing().test(.GET, "/api/v1/recommendations?mechanism=cedaw") { response in
                let body = try #require(
                    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                let items = try #require(body["items"] as? [[String: Any]])
                #expect(items.allSatisfy { $0["reportSymbol"] as? String == "CEDAW/C/MNG/CO/8-9" })
                #expect(items.allSatisfy { $0["mechanism"] as? String == "cedaw" })
            }
            for query in ["mechanism=un", "mechanism=", "mechanism=SP"] {
                try await app.testing().test(.GET, "/api/v1/recommendations?" + query) { response in
                    #expect(response.status == .badRequest, "\(query)")
                    #expect(response.body.string.contains("mechanism"))
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theListOffersTheMechanismsItHolds(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.session9])
            try await app.testing().test(.GET, "/recommendations") { response in
                // UPR alone: no menu of one choice, and no symbol to ask for.
                #expect(!response.body.string.contains("id=\"f-mechanism\""))
                #expect(!response.body.string.contains("id=\"f-symbol\""))
            }
            _ = try await Self.writeOtherMechanisms(app)
            try await app.testing().test(.GET, "/recommendations?mechanism=cedaw") { response in
                let html = response.body.string
                #expect(response.status == .ok)
                #expect(html.contains("id=\"f-mechanism\""))
                #expect(html.contains("<option value=\"treaty-bodies\">All treaty bodies</option>"))
                #expect(html.contains("<option value=\"cedaw\" selected>"))
                #expect(html.contains("<option value=\"special-procedures\">"))
                #expect(!html.contains("<option value=\"cmw\""), "no choice that finds nothing")
                #expect(html.contains("id=\"f-symbol\""))
                #expect(html.contains("CEDAW/C/MNG/CO/8-9 ¶ "))
                #expect(html.contains("Showing 1 to 3 of 3"))
            }
            try await app.testing().test(.GET, "/recommendations?mechanism=cedaw", headers: ["Accept-Language": "mn"]) {
                response in
                #expect(response.body.string.contains("Гэрээний бүх хороо"))
            }
        }
    }
}
