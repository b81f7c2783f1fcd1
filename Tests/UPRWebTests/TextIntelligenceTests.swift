import Foundation
import SQLKit
import Testing
import UPRDomain
import UPRStore
import UPRText
import UPRWeb
import VaporTesting

/// Tonga's recommendations of both cycles, the second cycle without labels (`Fixtures/README.md`).
extension Fixture {
    static var tonga: URL { url("tonga-cycle2-unlabelled.csv") }
}

extension Application {
    /// The id of the recommendation to `state` in `session` whose text is exactly `text`.
    func recommendationID(text: String, session: Int, state: String = "Tonga") async throws -> Int {
        let row = try await sql().raw(
            """
            SELECT r.id FROM recommendations r JOIN states s ON s.id = r.state_id
            WHERE s.name = \(bind: state) AND r.session = \(bind: session) AND r.text = \(bind: text)
            """
        ).first()
        guard let row else { throw TestSetupError("no recommendation “\(text)” in session \(session)") }
        return try row.decode(column: "id", as: Int.self)
    }

    /// A recommendation's issue labels as "code origin", and its action category with its origin.
    func labels(_ id: Int) async throws -> (issues: Set<String>, action: String) {
        let sql = try sql()
        let issues = try await sql.raw(
            """
            SELECT t.code, rt.origin FROM recommendation_terms rt JOIN taxonomy_terms t ON t.id = rt.term_id
            WHERE rt.recommendation_id = \(bind: id) AND t.taxonomy = 'issue'
            """
        ).all().map {
            try $0.decode(column: "code", as: String.self) + " " + $0.decode(column: "origin", as: String.self)
        }
        let row = try await sql.raw(
            "SELECT action_category, action_category_origin FROM recommendations WHERE id = \(bind: id)"
        ).first()!
        let action =
            "\(try row.decode(column: "action_category", as: Int?.self).map(String.init) ?? "none") "
            + (try row.decode(column: "action_category_origin", as: String?.self) ?? "none")
        return (Set(issues), action)
    }

    func version(_ id: Int) async throws -> Int {
        try await sql().raw("SELECT version FROM recommendations WHERE id = \(bind: id)").first()!
            .decode(column: "version", as: Int.self)
    }
}

/// Machine suggestions on import, and a person's review of them.
@Suite struct MachineSuggestionTests {
    @Test(arguments: TestDatabase.allCases)
    func unlabelledRecordsGetMarkedSuggestionsWithConfidence(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.tonga])
            let sql = try app.sql()
            let secondCycle = try await app.count("recommendations", where: "WHERE session = 15")
            #expect(secondCycle == 93)
            // Every second-cycle record has suggested issues and a suggested action category, with confidences.
            let suggested = try await sql.raw(
                """
                SELECT COUNT(DISTINCT rt.recommendation_id) AS n FROM recommendation_terms rt
                JOIN taxonomy_terms t ON t.id = rt.term_id JOIN recommendations r ON r.id = rt.recommendation_id
                WHERE r.session = 15 AND rt.origin = 'machine' AND t.taxonomy = 'issue'
                  AND rt.confidence > 0 AND rt.confidence <= 1
                """
            ).first()!.decode(column: "n", as: Int.self)
            #expect(suggested == secondCycle)
            #expect(
                try await app.count(
                    "recommendations",
                    where: """
                        WHERE session = 15 AND action_category IS NOT NULL AND action_category_origin = 'machine'
                          AND action_category_confidence > 0
                        """) == secondCycle)
            #expect(
                try await app.count("recommendation_terms", where: "WHERE origin = 'machine' AND confidence IS NULL")
                    == 0)
            // The first cycle is labelled by UPR Info: its labels are the source's and nothing is suggested.
            #expect(
                try await app.count(
                    "recommendation_terms",
                    where:
                        "WHERE origin = 'machine' AND recommendation_id IN (SELECT id FROM recommendations WHERE session = 2)"
                )
                    == 0)
            let firstCycle = try await app.count("recommendations", where: "WHERE session = 2")
            #expect(
                try await app.count("recommendations", where: "WHERE session = 2 AND action_category_origin = 'source'")
                    == firstCycle)

            // What is stored is the shipped model's prediction, issues and clusters alike.
            let text = "Expedite the ratification of the CEDAW"
            let id = try await app.recommendationID(text: text, session: 15)
            let prediction = try Classifier.load().predict(text)
            let stored = try await sql.raw(
                """
                SELECT t.taxonomy, t.code, rt.confidence FROM recommendation_terms rt
                JOIN taxonomy_terms t ON t.id = rt.term_id WHERE rt.recommendation_id = \(bind: id)
                """
            ).all().map {
                (
                    try $0.decode(column: "taxonomy", as: String.self) + "|"
                        + $0.decode(column: "code", as: String.self),
                    try $0.decode(column: "confidence", as: Double.self)
                )
            }
            let expected =
                prediction.issues.map { ("issue|" + Slug.make($0.name), $0.confidence) }
                + prediction.clusters.map { ("cluster|" + $0.cluster.rawValue, $0.confidence) }
            #expect(Set(stored.map { $0.0 }) == Set(expected.map { $0.0 }))
            for (key, confidence) in expected {
                #expect(abs((stored.first { $0.0 == key }?.1 ?? -1) - confidence) < 1e-9, "\(key)")
            }

            // The page shows them apart from the source's labels, with the confidence.
            try await app.testing().test(.GET, "/recommendations/\(id)") { response in
                let html = response.body.string
                #expect(
                    html.contains(
                        "suggested by the classifier, \(Int((prediction.issues[0].confidence * 100).rounded()))%"))
                #expect(html.contains("origin-machine"))
                // The public sees the suggestions but no forms to review them.
                #expect(!html.contains("name=\"change\""))
            }
            // A labelled record shows its labels without a remark.
            let labelled = try await app.recommendationID(text: "Ratify CAT.", session: 2)
            try await app.testing().test(.GET, "/recommendations/\(labelled)") { response in
                #expect(!response.body.string.contains("suggested by the classifier"))
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func confirmedLabelsAreNeverReplacedByTheMachine(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await app.importFiles([Fixture.tonga])
            let sql = try app.sql()
            // The second-cycle record with the most suggested issues: one to confirm, one to reject.
            let row = try await sql.raw(
                """
                SELECT rt.recommendation_id AS id, COUNT(*) AS n FROM recommendation_terms rt
                JOIN taxonomy_terms t ON t.id = rt.term_id
                WHERE rt.origin = 'machine' AND t.taxonomy = 'issue'
                GROUP BY rt.recommendation_id ORDER BY COUNT(*) DESC, rt.recommendation_id LIMIT 1
                """
            ).first()!
            let id = try row.decode(column: "id", as: Int.self)
            try #require(try row.decode(column: "n", as: Int.self) >= 2)
            let suggested = try await app.labels(id).issues.filter { $0.hasSuffix(" machine") }
                .map { String($0.dropLast(" machine".count)) }.sorted()
            let (kept, dropped) = (suggested[0], suggested[1])
            let added = ["death-penalty", "torture", "justice"].first { !suggested.contains($0) }!

            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let page = try await cso.get(app, "/recommendations/\(id)")
            #expect(page.body.string.contains("value=\"confirm\""))
            for (change, issue, action) in [
                ("confirm", kept, ""), ("reject", dropped, ""), ("add", added, ""), ("action", "", "2"),
            ] {
                let response = try await cso.post(
                    app, "/recommendations/\(id)/labels",
                    [
                        ("change", change), ("issue", issue), ("actionCategory", action),
                        ("version", String(try await app.version(id))),
                    ])
                #expect(response.status == .seeOther, "\(change): \(response.status)")
            }
            let reviewed = try await app.labels(id)
            #expect(reviewed.issues.contains(kept + " confirmed"))
            #expect(reviewed.issues.contains(added + " confirmed"))
            #expect(!reviewed.issues.contains { $0.hasPrefix(dropped + " ") })
            #expect(reviewed.action == "2 confirmed")
            #expect(try await app.count("rejected_terms") == 1)
            let audit = try await AuditLog.history(entity: .recommendation, id: id, on: sql)
            #expect(audit.filter { $0.action == "labels" }.count == 4)
            #expect(audit.contains { $0.changes["actionCategory"]?.after == "2 [confirmed]" })
            #expect(audit.contains { $0.changes["issues"]?.after?.contains("[confirmed]") == true })

            // Importing the same file again: nothing changes.
            try await app.importFiles([Fixture.tonga])
            #expect(try await app.labels(id) == reviewed)
            // The file again with this record changed (its response), so the import rewrites its labels.
            let changed = try changedCopy(of: Fixture.tonga, rows: try await provenanceRows(app, id))
            defer { try? FileManager.default.removeItem(at: changed) }
            let summary = try await app.importFiles([changed])
            #expect(summary[0].updated == 1)
            #expect(try await app.labels(id) == reviewed)
            // Running the classifier again over everything: the person's decisions stand.
            // Tonga's 93 second-cycle recommendations and the demo's two seed examples.
            #expect(try await MachineSuggestions.refresh(on: sql) == 95)
            #expect(try await app.labels(id) == reviewed)
            // Other records keep their suggestions.
            #expect(try await app.count("recommendation_terms", where: "WHERE origin = 'machine'") > 100)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func reviewIsRefusedToThePublicObserversForgedFormsAndStaleVersions(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let id = try await recommendationID(app, paragraph: "108.103")
            let suggested = try #require(
                try await app.labels(id).issues.first { $0.hasSuffix(" machine") }?.split(separator: " ").first)
            let before = try await app.labels(id)
            let fields = [("change", "confirm"), ("issue", String(suggested)), ("version", "1")]
            #expect(
                try await Browser.anonymous.post(app, "/recommendations/\(id)/labels", fields).status == .unauthorized)
            let observer = try await Browser.signIn(app, email: "observer@demo.upr")
            #expect(try await observer.post(app, "/recommendations/\(id)/labels", fields).status == .forbidden)
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let forged = try await focal.post(app, "/recommendations/\(id)/labels", fields, csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await app.labels(id) == before)
            #expect(try await app.count("audit_log", where: "WHERE action = 'labels'") == 0)

            // A page read before someone else's change: refused, and the page says why.
            let stale = try await focal.post(
                app, "/recommendations/\(id)/labels", [("change", "action"), ("actionCategory", "5"), ("version", "0")])
            #expect(stale.status == .conflict)
            #expect(stale.body.string.contains("Someone changed this recommendation"))
            // Bad input names the field.
            let unknown = try await focal.post(
                app, "/recommendations/\(id)/labels", [("change", "add"), ("issue", "no-such-issue"), ("version", "1")])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.string.contains("href=\"#f-issue\""))
            #expect(try await app.labels(id) == before)

            // The government focal point may confirm.
            let confirmed = try await focal.post(app, "/recommendations/\(id)/labels", fields)
            #expect(confirmed.status == .seeOther)
            #expect(try await app.labels(id).issues.contains("\(suggested) confirmed"))
            try await app.testing().test(.GET, "/recommendations/\(id)") { response in
                #expect(response.body.string.contains("confirmed by a person"))
            }
        }
    }

    /// The data rows a record was read from.
    func provenanceRows(_ app: Application, _ id: Int) async throws -> [Int] {
        try await app.sql().raw("SELECT row_number FROM provenance WHERE recommendation_id = \(bind: id)").all()
            .map { try $0.decode(column: "row_number", as: Int.self) }
    }

    /// A copy of a UPR Info export whose given rows (numbered as the importer does, the header being 1) have the
    /// other response: "Noted" for "Accepted" and the other way round.
    func changedCopy(of url: URL, rows: [Int]) throws -> URL {
        var lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\r\n")
        for row in rows {
            let line = lines[row - 1]
            #expect(line.contains(",Accepted,") || line.contains(",Noted,"))
            lines[row - 1] =
                line.contains(",Accepted,")
                ? line.replacingOccurrences(of: ",Accepted,", with: ",Noted,")
                : line.replacingOccurrences(of: ",Noted,", with: ",Accepted,")
        }
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("tonga-\(UUID()).csv")
        try lines.joined(separator: "\r\n").write(to: copy, atomically: true, encoding: .utf8)
        return copy
    }
}

/// Similar recommendations on the page and in the API, and the plan editor's one-click fill.
@Suite struct SimilarRecommendationTests {
    @Test(arguments: TestDatabase.allCases)
    func theSameRecommendationFromTheOtherCycleComesFirst(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.tonga, Fixture.session9])
            let id = try await app.recommendationID(text: "Ratify CEDAW", session: 15)
            let twin = try await app.recommendationID(text: "Ratify CEDAW.", session: 2)
            let cache = SimilarityCache()
            let similar = try #require(try await SimilarRecommendations.load(id: id, cache: cache, on: app.sql()))
            #expect(try await SimilarRecommendations.load(id: 424_242, cache: cache, on: app.sql()) == nil)
            #expect(similar.first?.recommendation.id == twin)
            #expect(abs((similar.first?.score ?? 0) - 1) < 1e-9)
            #expect(similar.count <= SimilarRecommendations.count)
            #expect(
                similar.allSatisfy { $0.score >= SimilarRecommendations.minimumScore && $0.recommendation.id != id })
            #expect(zip(similar, similar.dropFirst()).allSatisfy { $0.score >= $1.score })
            // Other states' recommendations to ratify CEDAW are similar too.
            #expect(similar.contains { $0.recommendation.stateUnderReview != "Tonga" })
            // The ranking is the index's over every stored text.
            let documents = try await app.sql().raw("SELECT id, text FROM recommendations ORDER BY id").all().map {
                (id: try $0.decode(column: "id", as: Int.self), text: try $0.decode(column: "text", as: String.self))
            }
            let expected = SimilarityIndex(documents).neighbours(ofID: id, top: 10).filter {
                $0.score >= SimilarRecommendations.minimumScore
            }
            #expect(similar.map(\.recommendation.id) == expected.map(\.id))

            // Only Tonga's, from the other cycle, for the plan.
            let elsewhere = try #require(
                try await SimilarRecommendations.load(id: id, scope: .sameStateElsewhere, cache: cache, on: app.sql()))
            #expect(elsewhere.first?.recommendation.id == twin)
            #expect(
                elsewhere.allSatisfy { $0.recommendation.stateUnderReview == "Tonga" && $0.recommendation.cycle == 1 })

            try await app.testing().test(.GET, "/recommendations/\(id)") { response in
                let html = response.body.string
                #expect(html.contains("Similar recommendations"))
                #expect(html.contains("href=\"/recommendations/\(twin)\""))
                #expect(html.contains("100%"))
                #expect(html.contains("Cycle 1 (2008–2011)"))
                #expect(response.body.readableBytes < 100_000)
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theIndexFollowsImports(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.session9])
            let cache = SimilarityCache()
            let first = try await cache.corpus(on: app.sql())
            #expect(try await cache.corpus(on: app.sql()).version == first.version)
            try await app.importFiles([Fixture.tonga])
            let id = try await app.recommendationID(text: "Ratify CEDAW", session: 15)
            // The same cache sees the new records without being told.
            let similar = try #require(try await SimilarRecommendations.load(id: id, cache: cache, on: app.sql()))
            let twin = try await app.recommendationID(text: "Ratify CEDAW.", session: 2)
            #expect(similar.contains { $0.recommendation.id == twin })
            #expect(try await cache.corpus(on: app.sql()).version != first.version)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func oneClickLinksTheTickedRecommendationsAndKeepsWhatWasTyped(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await app.importFiles([Fixture.tonga])
            let id = try await app.recommendationID(text: "Ratify CEDAW", session: 15)
            let twin = try await app.recommendationID(text: "Ratify CEDAW.", session: 2)
            let women = try await OrganisationStore(try app.sql()).workingGroups().first { $0.cluster == .women }!.id
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let editor = try await cso.get(app, "/recommendations/\(id)/plan")
            #expect(editor.status == .ok)
            #expect(editor.body.string.contains("name=\"similarIDs[]\" value=\"\(twin)\""))

            let typed = [
                ("workingGroupID", String(women)), ("goal", "CEDAW ratified"),
                ("expectedAction", "Submit CEDAW to the Legislative Assembly"),
                ("otherMechanismsInternational", "Asked again by the CEDAW Committee"), ("version", "0"),
            ]
            // Nothing ticked: the form comes back with what was typed and says what to do.
            let empty = try await cso.post(app, "/recommendations/\(id)/plan", typed + [("intent", "link-similar")])
            #expect(empty.status == .unprocessableEntity)
            #expect(empty.body.string.contains("Tick at least one similar recommendation."))
            #expect(empty.body.string.contains("Submit CEDAW to the Legislative Assembly"))
            #expect(try await PlanStore(try app.sql()).entry(recommendationID: id) == nil)

            let linked = try await cso.post(
                app, "/recommendations/\(id)/plan",
                typed + [("similarIDs[]", String(twin)), ("intent", "link-similar")])
            #expect(linked.status == .seeOther)
            #expect(linked.headers.first(name: .location) == "/recommendations/\(id)/plan#f-similarIDs")
            let entry = try #require(try await PlanStore(try app.sql()).entry(recommendationID: id))
            #expect(entry.fields.linkedRecommendationIDs == [twin])
            #expect(entry.fields.goal == "CEDAW ratified")
            #expect(entry.fields.expectedAction == "Submit CEDAW to the Legislative Assembly")
            #expect(entry.fields.otherMechanismsInternational.hasPrefix("Asked again by the CEDAW Committee\n"))
            #expect(entry.fields.otherMechanismsInternational.contains("recommendation #\(twin)"))
            #expect(try await app.count("plan_entry_links") == 1)

            // Back in the editor, the linked one is marked.
            let again = try await cso.get(app, "/recommendations/\(id)/plan")
            #expect(again.body.string.contains("value=\"\(twin)\" checked disabled"))
        }
    }
}

/// The recurring-recommendation filter: exactly the groups a recomputation over the file finds.
@Suite struct RecurringFilterTests {
    /// The ids of the recommendations the recurring filter should find, worked out from the file alone.
    func expectedRecurring(_ app: Application) async throws -> Set<Int> {
        let output = try TextTool.similar(
            corpus: Fixture.tonga, request: .groups(threshold: RecurrenceRefresh.threshold), json: true)
        let groups = try JSONDecoder().decode([RecurrenceGroup].self, from: Data(output.utf8))
        let rows = groups.filter { $0.kinds.contains(.acrossCycles) || $0.kinds.contains(.severalMechanisms) }
            .flatMap(\.ids)
        #expect(!rows.isEmpty)
        var ids = Set<Int>()
        for row in rows {
            // The corpus numbers data rows from 1; the importer counts the header as row 1.
            let id = try await app.sql().raw(
                "SELECT recommendation_id FROM provenance WHERE file_name = \(bind: Fixture.tonga.lastPathComponent) AND row_number = \(bind: row + 1)"
            ).first()?.decode(column: "recommendation_id", as: Int.self)
            ids.insert(try #require(id))
        }
        return ids
    }

    /// Every id the API lists for `query`, page after page.
    func ids(_ app: Application, _ query: String) async throws -> Set<Int> {
        var found = Set<Int>()
        var page = 1
        var pages = 1
        while page <= pages {
            try await app.testing().test(.GET, "/api/v1/recommendations?\(query)&per=100&page=\(page)") { response in
                #expect(response.status == .ok)
                let result = try JSONDecoder().decode(RecommendationPage.self, from: Data(buffer: response.body))
                pages = result.pages
                found.formUnion(result.items.map(\.id))
            }
            page += 1
        }
        return found
    }

    @Test(arguments: TestDatabase.allCases)
    func recurringIsExactlyTheGroupsMadeAgain(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.tonga])
            let expected = try await expectedRecurring(app)
            #expect(try await ids(app, "state=Tonga&recurring=true") == expected)
            let others = try await ids(app, "state=Tonga&recurring=false")
            #expect(others.isDisjoint(with: expected))
            #expect(others.count + expected.count == (try await app.count("recommendations")))
            let cedaw = try await app.recommendationID(text: "Ratify CEDAW", session: 15)
            #expect(expected.contains(cedaw))

            // Importing another file recomputes only its states; Tonga's groups stay as they were.
            let groups = try await app.count("recurrence_groups")
            try await app.importFiles([Fixture.session9])
            #expect(try await ids(app, "state=Tonga&recurring=true") == expected)
            #expect(
                try await app.count(
                    "recurrence_groups", where: "WHERE state_id = (SELECT id FROM states WHERE name = 'Tonga')")
                    == groups)
            // And a full recomputation agrees with what the imports left.
            let before = try await app.count("recurrence_members")
            _ = try await RecurrenceRefresh.refreshAll(on: app.sql())
            #expect(try await app.count("recurrence_members") == before)
            #expect(try await ids(app, "state=Tonga&recurring=true") == expected)

            // The list page has the box, ticked when the filter is on, and the recommendation page says so.
            try await app.testing().test(.GET, "/recommendations?state=Tonga&recurring=true") { response in
                let html = response.body.string
                #expect(html.contains("id=\"f-recurring\""))
                #expect(html.contains("checked"))
                #expect(html.contains("Showing 1 to \(min(20, expected.count)) of \(expected.count)"))
            }
            try await app.testing().test(.GET, "/recommendations/\(cedaw)") { response in
                #expect(response.body.string.contains("Made to this state more than once"))
            }
            try await app.testing().test(.GET, "/api/v1/recommendations?recurring=maybe") { response in
                #expect(response.status == .badRequest)
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func newTextsAndTheirAPIMatchTheOpenAPIDocument(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.tonga])
            let schema = try await APITests().validator(app)
            let id = try await app.recommendationID(text: "Ratify CEDAW", session: 15)
            for (url, path) in [
                ("/api/v1/recommendations/\(id)/similar", "/api/v1/recommendations/{id}/similar"),
                ("/api/v1/recommendations/\(id)", "/api/v1/recommendations/{id}"),
                ("/api/v1/recommendations?recurring=true&state=Tonga", "/api/v1/recommendations"),
            ] {
                try await app.testing().test(.GET, url) { response in
                    #expect(response.status == .ok, "\(url)")
                    let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
                    let errors = schema.validate(body, against: try schema.responseSchema(path: path, status: "200"))
                    #expect(errors.isEmpty, "\(url): \(errors.prefix(5))")
                }
            }
            try await app.testing().test(.GET, "/api/v1/recommendations/\(id)") { response in
                let detail = try JSONDecoder().decode(RecommendationDetail.self, from: Data(buffer: response.body))
                #expect(detail.actionCategoryOrigin == "machine")
                #expect(detail.recurrence?.kinds.contains("across-cycles") == true)
                #expect(detail.recurrence?.cycles == [1, 2])
            }
            try await app.testing().test(.GET, "/api/v1/recommendations/424242/similar") { response in
                #expect(response.status == .notFound)
                let errors = schema.validate(
                    try JSONSerialization.jsonObject(with: Data(buffer: response.body)),
                    against: try schema.responseSchema(
                        path: "/api/v1/recommendations/{id}/similar", status: "404",
                        mediaType: "application/problem+json"))
                #expect(errors.isEmpty)
            }
        }
    }
}
