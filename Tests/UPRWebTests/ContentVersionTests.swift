import Foundation
import SQLKit
import Testing
import UPRDomain
import VaporTesting

@testable import UPRStore
@testable import UPRWeb

/// Cached results are kept per version of what they are computed from (`ContentConcern`): a comment leaves every
/// cached search valid, an assessment leaves the searches valid and not the round pages; and a write on one
/// instance is seen by the very next request on another instance of the same database.
@Suite struct ContentVersionTests {
    func versions(_ app: Application) async throws -> [ContentConcern: Int] {
        var out: [ContentConcern: Int] = [:]
        for concern in ContentConcern.allCases {
            out[concern] = try await RegistryVersion.current([concern], on: app.sql())
        }
        return out
    }

    @Test(arguments: TestDatabase.allCases)
    func eachWriteRaisesTheVersionOfWhatItChanged(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let (recommendation, _) = try await discussionFixture(app)
            let before = try await versions(app)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            _ = try postedID(
                try await postComment(app, cso, "/recommendations/\(recommendation)/comments", body: "A view."))
            let afterComment = try await versions(app)
            #expect(afterComment[.discussions]! > before[.discussions]!)
            for concern in ContentConcern.allCases where concern != .discussions {
                #expect(afterComment[concern] == before[concern], "a comment moved \(concern)")
            }
            // The sum over several concerns moves with any of them.
            let all = Set(ContentConcern.allCases)
            let sum = try await RegistryVersion.current(all, on: app.sql())
            #expect(sum == afterComment.values.reduce(0, +))

            // A change of a recommendation's response moves the registry, not the discussions or the assessments.
            let original = try String(contentsOf: Fixture.mongolia, encoding: .utf8)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("mongolia-v-\(UUID()).csv")
            try original.replacingFirst(",Noted,", with: ",Accepted,").write(to: url, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: url) }
            _ = try await app.importFiles([url])
            let afterImport = try await versions(app)
            #expect(afterImport[.registry]! > afterComment[.registry]!)
            #expect(afterImport[.discussions] == afterComment[.discussions])
            #expect(afterImport[.assessments] == afterComment[.assessments])
            #expect(sum < (try await RegistryVersion.current(all, on: app.sql())))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aWriteOnOneInstanceIsSeenByTheNextRequestOnAnother(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await withSecondInstance(of: app) { other in
                let admin = try await Browser.signIn(app, email: "admin@demo.upr")
                let created = try await admin.post(
                    app, "/assessments",
                    [("title", "Cache round"), ("state", "Mongolia"), ("cycle", "2"), ("heldOn", "2018-12-12")])
                #expect(created.status == .seeOther)
                let round = try #require(
                    Int(created.headers.first(name: .location)?.split(separator: "/").last ?? ""))
                let reader = try await Browser.signIn(other, email: "observer@demo.upr")
                let roundPath = "/assessments/\(round)?show=disagreements"
                let dashboardPath = "/dashboard?round=\(round)&perspective=government"
                let searchPath = "/api/v1/recommendations?state=Mongolia&response=noted"
                func total(_ body: String) throws -> Int {
                    let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any]
                    return try #require(object?["total"] as? Int)
                }

                // Instance B reads, and keeps, the round page, the dashboard and a search.
                let round1 = try await reader.get(other, roundPath).body.string
                let dashboard1 = try await reader.get(other, dashboardPath).body.string
                let search1 = try await Browser.anonymous.get(other, searchPath).body.string
                #expect(try await reader.get(other, dashboardPath).body.string == dashboard1)
                #expect(!round1.contains("108.103"))
                #expect(other.dashboardCache?.count == 1 && other.roundCache?.count == 1)

                // Instance A records two differing assessments of 108.103.
                let rec = try await recommendationID(app, paragraph: "108.103")
                let path = "/assessments/\(round)/recommendations/\(rec)"
                let focal = try await Browser.signIn(app, email: "focal@demo.upr")
                let cso = try await Browser.signIn(app, email: "cso@demo.upr")
                let registry = try await RegistryVersion.current(on: app.sql())
                #expect(
                    try await focal.post(
                        app, path, [("status", "full"), ("justification", "Adopted."), ("version", "0")]
                    )
                    .status == .seeOther)
                #expect(
                    try await cso.post(
                        app, path, [("status", "partial"), ("justification", "Not yet."), ("version", "0")]
                    )
                    .status == .seeOther)
                #expect(try await RegistryVersion.current(on: app.sql()) == registry)

                // B's very next requests show them; its cached search is still the answer.
                #expect(try await reader.get(other, roundPath).body.string.contains("108.103"))
                #expect(try await reader.get(other, dashboardPath).body.string != dashboard1)
                #expect(try await Browser.anonymous.get(other, searchPath).body.string == search1)

                // A changes a noted recommendation's response: B's next search has one fewer.
                let original = try String(contentsOf: Fixture.mongolia, encoding: .utf8)
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("mongolia-b-\(UUID()).csv")
                try original.replacingFirst(",Noted,", with: ",Accepted,").write(
                    to: url, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(at: url) }
                #expect(try await app.importFiles([url])[0].updated == 1)
                let search2 = try await Browser.anonymous.get(other, searchPath).body.string
                #expect(try total(search2) == (try total(search1)) - 1)
            }
        }
    }
}
