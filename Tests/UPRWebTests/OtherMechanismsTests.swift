import Foundation
import SQLKit
import Testing
import UPRApp
import UPRDomain
import UPRSpreadsheet
import UPRStore
import UPRWeb
import VaporTesting

/// "Same recommendation by other mechanisms" (issue 13, part 3): treaty-body recommendations to the same state
/// suggested for a UPR recommendation's plan entry, accepted with one click, and named by symbol and paragraph
/// wherever the entry shows.
@Suite struct OtherMechanismsTests {
    /// The demo's first-cycle UPR recommendation on a gender equality law (Ghana, session 9).
    static let genderUPR = "Adopt a draft law on gender equality and the establishment of an institutional mechanism"

    /// Real texts of the committed UHRI fixture (`Tests/UPRImportTests/Fixtures/uhri/mongolia-uhri.json`): the
    /// concluding observations of the CAT, the CEDAW and the CRPD on Mongolia, as the UHRI importer maps them; and the
    /// CEDAW's paragraph 13 again as if made to another state.
    static func treatyBodyBatch() -> ImportBatch {
        func record(_ state: String, _ mechanism: Mechanism, _ symbol: String, _ paragraph: String, _ text: String)
            -> RecommendationRecord
        {
            RecommendationRecord(
                stateUnderReview: state, reportSymbol: symbol, paragraph: paragraph, text: text,
                recommendingStates: [], response: .pending, mechanism: mechanism,
                provenance: [Provenance(file: "mongolia-uhri.json", row: Int(paragraph) ?? 1)])
        }
        let cat10 =
            "The State party should adopt a definition of torture that covers all the elements contained in article 1"
            + " of the Convention and ensure that acts of torture are punishable by appropriate penalties which take"
            + " into account their grave nature."
        let cedaw13 =
            "The Committee recommends that the State party adopt a comprehensive definition of discrimination against"
            + " women, in line with article 1 of the Convention, and ensure that the Law on Promotion of Gender"
            + " Equality is effectively enforced."
        return ImportBatch(
            fileName: "mongolia-uhri.json", format: "uhri-json", sha256: "other-mechanisms-test", rowsRead: 4,
            records: [
                record("Mongolia", .cat, "CAT/C/MNG/CO/2", "10", cat10),
                record("Mongolia", .cedaw, "CEDAW/C/MNG/CO/8-9", "13", cedaw13),
                record(
                    "Mongolia", .crpd, "CRPD/C/MNG/CO/1", "36",
                    "The Committee recommends that the State party adopt a strategy to ensure inclusive education for"
                        + " all children with disabilities in mainstream schools, with reasonable accommodation and"
                        + " trained teachers."),
                record("Kazakhstan", .cedaw, "CEDAW/C/KAZ/CO/5", "13", cedaw13),
            ])
    }

    /// The demo with the treaty-body records written as an import writes them; the ids of the gender equality
    /// recommendation, the CEDAW's paragraph 13 to Mongolia and the same text to Kazakhstan.
    static func setUp(_ app: Application) async throws -> (upr: Int, cedaw: Int, otherState: Int) {
        _ = try await RecordWriter.write([treatyBodyBatch()], actor: "test", on: app.db)
        let sql = try app.sql()
        func id(_ condition: SQLQueryString) async throws -> Int {
            try await sql.raw(
                "SELECT r.id FROM recommendations r JOIN states s ON s.id = r.state_id WHERE " + condition
            )
            .first()!.decode(column: "id", as: Int.self)
        }
        return (
            try await id("r.text LIKE \(bind: genderUPR + "%")"),
            try await id("s.name = 'Mongolia' AND r.mechanism = 'cedaw'"),
            try await id("s.name = 'Kazakhstan' AND r.mechanism = 'cedaw'")
        )
    }

    @Test(arguments: TestDatabase.allCases)
    func suggestionsAreTheSameStatesOtherMechanismsAboveTheThreshold(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            // setup
            let ids = try await Self.setUp(app)
            let sql = try app.sql()
            let cache = SimilarityCache()
            let threshold = app.site.otherMechanismsThreshold
            #expect(threshold == OtherMechanisms.defaultMinimumScore)
            // MUT
            let found = try #require(
                try await OtherMechanisms.suggestions(for: ids.upr, minimumScore: threshold, cache: cache, on: sql))
            // validate: the CEDAW's paragraph to Mongolia, not the same words to Kazakhstan, and no UPR text.
            let first = try #require(found.first)
            #expect(first.recommendationID == ids.cedaw)
            #expect(first.line == "CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)")
            #expect(first.mechanism == .cedaw)
            #expect((first.score ?? 0) >= threshold)
            #expect(!found.contains { $0.recommendationID == ids.otherState })
            #expect(found.allSatisfy { $0.mechanism != .upr && ($0.score ?? 0) >= threshold })
            // Just above its score, it is gone.
            let above = try await OtherMechanisms.suggestions(
                for: ids.upr, minimumScore: (first.score ?? 0) + 0.01, cache: cache, on: sql)
            #expect(above?.contains { $0.recommendationID == ids.cedaw } == false)
            // The reverse: the CEDAW's paragraph finds the UPR recommendation.
            let reverse = try await OtherMechanisms.suggestions(
                for: ids.cedaw, minimumScore: threshold, cache: cache, on: sql)
            #expect(reverse?.contains { $0.recommendationID == ids.upr } == true)
            #expect(reverse?.allSatisfy { $0.mechanism == .upr } == true)
            #expect(
                try await OtherMechanisms.suggestions(for: 987_654, minimumScore: 0.1, cache: cache, on: sql) == nil)

            // The recommendation page lists it under its own heading, with the threshold.
            let page = try await Browser.anonymous.get(app, "/recommendations/\(ids.upr)")
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Same recommendation by other mechanisms"))
            #expect(html.contains("CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)"))
            #expect(!html.contains("CEDAW/C/KAZ/CO/5"))
            #expect(html.contains("/recommendations/\(ids.cedaw)\""))
            // The public may not decide anything: no one-click form.
            #expect(!html.contains("name=\"decision\""))
            // The threshold is the site's setting.
            app.site.otherMechanismsThreshold = 0.99
            let strict = try await Browser.anonymous.get(app, "/recommendations/\(ids.upr)").body.string
            #expect(!strict.contains("CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)"))
            #expect(strict.contains("at least 99% similar"))
            app.site.otherMechanismsThreshold = threshold
            let mongolian = Browser(cookie: "upr_lang=mn", csrf: "")
            let translated = try await mongolian.get(app, "/recommendations/\(ids.upr)").body.string
            #expect(translated.contains("Бусад механизмаас өгсөн ижил зөвлөмж"))
        }
    }

    @Test func theThresholdIsASettingFromTheEnvironment() throws {
        func threshold(_ environment: [String: String]) throws -> Double {
            try AppSettings.fromEnvironment(environment).site.otherMechanismsThreshold
        }
        #expect(try threshold([:]) == OtherMechanisms.defaultMinimumScore)
        #expect(try threshold(["UPR_OTHER_MECHANISMS_THRESHOLD": "0.4"]) == 0.4)
        // Not a cosine: the default stays, as with the other numbers of the environment.
        for bad in ["0", "1.5", "-0.2", "many"] {
            #expect(try threshold(["UPR_OTHER_MECHANISMS_THRESHOLD": bad]) == OtherMechanisms.defaultMinimumScore)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func acceptingIsOneAuditedVersionedClickShownEverywhere(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            // setup
            let ids = try await Self.setUp(app)
            try await addTestAccounts(app)
            let sql = try app.sql()
            let store = PlanStore(sql)
            var fields = PlanEntryFields()
            fields.goal = "Gender equality law adopted"
            fields.otherMechanismsInternational = "Typed by the working group"
            let entryID = try await store.create(
                recommendationID: ids.upr, workingGroupID: try await justiceGroupID(app), fields: fields, userID: nil,
                actor: "test")
            let before = try #require(try await store.entry(id: entryID))
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let editor = try await cso.get(app, "/recommendations/\(ids.upr)/plan")
            #expect(editor.status == .ok)
            #expect(editor.body.string.contains("action=\"/plan/entries/\(entryID)/mechanisms\""))
            #expect(editor.body.string.contains("CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)"))
            let path = "/plan/entries/\(entryID)/mechanisms"
            let accept: [(String, String)] = [
                ("recommendationID", String(ids.cedaw)), ("decision", "accepted"), ("version", String(before.version)),
            ]

            // Refused: without the token, by someone of another group, by the public, for another state's text.
            #expect(try await cso.post(app, path, accept, csrf: false).status == .forbidden)
            let other = try await Browser.signIn(app, email: "other-cso@test.upr")
            #expect(try await other.post(app, path, accept).status == .forbidden)
            #expect(try await Browser.anonymous.post(app, path, accept).status == .unauthorized)
            let foreign = try await cso.post(
                app, path,
                [
                    ("recommendationID", String(ids.otherState)), ("decision", "accepted"),
                    ("version", String(before.version)),
                ])
            #expect(foreign.status == .unprocessableEntity)
            #expect(try await store.entry(id: entryID)?.version == before.version)

            // The entry's followers hear of an accepted link; the one who accepted it does not.
            let observer = try await userID(app, "observer@demo.upr")
            let csoID = try await userID(app, "cso@demo.upr")
            for user in [observer, csoID] {
                _ = try await SubscriptionStore(sql).subscribe(
                    userID: user, .recommendation, key: String(ids.upr), actor: "test")
            }
            func notices(_ user: Int) async throws -> Int {
                try await app.count(
                    "notifications", where: "WHERE kind = 'plan-changed' AND recipient_user_id = \(user)")
            }
            let noticesBefore = (try await notices(observer), try await notices(csoID))

            // MUT
            let accepted = try await cso.post(app, path, accept)
            // validate
            #expect(accepted.status == .seeOther)
            #expect(accepted.headers.first(name: .location) == "/recommendations/\(ids.upr)/plan#other-mechanisms")
            let after = try #require(try await store.entry(id: entryID))
            #expect(after.version == before.version + 1)
            #expect(after.mechanismLinks.map(\.recommendationID) == [ids.cedaw])
            #expect(try await notices(observer) == noticesBefore.0 + 1)
            #expect(try await notices(csoID) == noticesBefore.1)
            #expect(after.internationalColumn == "CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)\nTyped by the working group")
            let history = try await AuditLog.history(entity: .planEntry, id: entryID, on: sql)
            #expect(history.first?.action == "update")
            #expect(
                history.first?.changes["otherMechanismsLinks"]
                    == AuditLog.FieldChange(before: "", after: "CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)"))
            #expect(history.first?.actor.hasPrefix("cso@demo.upr") == true)

            // The same click from the page read before it is stale.
            let stale = try await cso.post(
                app, path,
                [
                    ("recommendationID", String(ids.cedaw)), ("decision", "dismissed"),
                    ("version", String(before.version)),
                ])
            #expect(stale.status == .conflict)
            #expect(try await store.entry(id: entryID)?.mechanismLinks.count == 1)

            // Shown: the editor (with a remove button), the recommendation page, the plan entry page.
            let edited = try await cso.get(app, "/recommendations/\(ids.upr)/plan").body.string
            #expect(edited.contains("value=\"remove\""))
            let recommendation = try await cso.get(app, "/recommendations/\(ids.upr)").body.string
            #expect(recommendation.contains("Accepted for the plan"))
            #expect(recommendation.contains("CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)"))
            let entryPage = try await cso.get(app, "/plan/entries/\(entryID)").body.string
            #expect(entryPage.contains("CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)"))
            #expect(entryPage.contains("Typed by the working group"))
            // The treaty body's recommendation names the UPR one whose plan accepted it.
            let reverse = try await cso.get(app, "/recommendations/\(ids.cedaw)").body.string
            #expect(reverse.contains("Accepted as the same by the plan of"))
            #expect(reverse.contains("/plan/entries/\(entryID)\""))

            // The matrix page: the link on a line of its own above the typed text, on the page that holds the entry.
            var matrixPage = 1
            while true {
                let lines = try await PlanMatrix.page(
                    .state("Mongolia"), includeDrafts: true, page: matrixPage, per: 25, on: sql)
                if let line = lines.lines.first(where: { $0.entry?.id == entryID }) {
                    #expect(line.entry?.internationalColumn == after.internationalColumn)
                    break
                }
                #expect(matrixPage * 25 < lines.total, "the entry is on no page of the matrix")
                if matrixPage * 25 >= lines.total { break }
                matrixPage += 1
            }
            let matrix = try await cso.get(app, "/plan?state=Mongolia&page=\(matrixPage)").body.string
            #expect(matrix.contains("CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)<br>Typed by the working group"))

            // The matrix export, XLSX and CSV: the international column carries the link, then the typed text.
            let xlsx = try await cso.get(app, "/plan/export.xlsx?state=Mongolia")
            #expect(xlsx.status == .ok)
            let document = try ImplementationMatrix.read(Data(buffer: xlsx.body), fileName: "plan.xlsx")
            let row = try #require(document.rows.first { $0.recommendation.hasPrefix(Self.genderUPR) })
            #expect(row.otherMechanismsInternational == "CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)\nTyped by the working group")
            let csv = try await cso.get(app, "/plan/export.csv?state=Mongolia")
            let reread = try ImplementationMatrix.read(Data(buffer: csv.body), fileName: "plan.csv")
            let csvRow = try #require(reread.rows.first { $0.recommendation.hasPrefix(Self.genderUPR) })
            #expect(csvRow.otherMechanismsInternational == row.otherMechanismsInternational)
            // Uploaded again, the exported links are not copied into the typed text.
            let plan = try await MatrixTransfer.plan(document, state: "Mongolia", actor: nil, on: sql)
            #expect(!plan.changes.contains { $0.recommendationID == ids.upr })

            // The mid-term report of the first cycle.
            let report = try await cso.get(app, "/reports/midterm.html?state=Mongolia&cycle=1")
            #expect(report.status == .ok)
            #expect(report.body.string.contains("CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)"))

            // Removing takes it back, again audited.
            let removed = try await cso.post(
                app, path,
                [("recommendationID", String(ids.cedaw)), ("decision", "remove"), ("version", String(after.version))])
            #expect(removed.status == .seeOther)
            let last = try #require(try await store.entry(id: entryID))
            #expect(last.mechanismLinks.isEmpty)
            #expect(last.version == after.version + 1)

            // Dismissed, it is no longer suggested; the editor says how many were dismissed.
            let dismissed = try await cso.post(
                app, path,
                [("recommendationID", String(ids.cedaw)), ("decision", "dismissed"), ("version", String(last.version))])
            #expect(dismissed.status == .seeOther)
            #expect(try await store.entry(id: entryID)?.dismissedMechanismIDs == [ids.cedaw])
            let without = try await cso.get(app, "/recommendations/\(ids.upr)/plan").body.string
            #expect(!without.contains("CEDAW/C/MNG/CO/8-9 ¶ 13 (CEDAW)"))
            #expect(without.contains("Dismissed suggestions: 1."))
            let unknown = try await cso.post(
                app, path, [("recommendationID", String(ids.cedaw)), ("decision", "maybe"), ("version", "99")])
            #expect(unknown.status == .unprocessableEntity)
        }
    }
}
