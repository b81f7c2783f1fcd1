import Foundation
import SQLKit
import Testing
import UPRDomain
import UPRImport
import VaporTesting

@testable import UPRStore

/// What UHRI says of a record, seen from the site (issue 13): the body and SDG-target filters on the list, in the
/// API and in its document; the body, dates, targets, position, states and regions on the record's page and in its
/// JSON; and a concern or observation shown as what it is, with nothing to plan and never offered as the same
/// recommendation by another mechanism. The records are the committed UHRI fixture's, made from real texts.
@Suite struct UHRIFieldsTests {
    /// Writes the fixture's 40 records; `adjust` changes them first, for what the fixture lacks (each of its records
    /// concerns Mongolia alone).
    static func writeUHRI(_ app: Application, adjust: (inout [RecommendationRecord]) -> Void = { _ in }) async throws {
        try await MechanismFilterTests.writeUHRI(app, adjust: adjust)
    }

    /// The id of the record of `mechanism` with `paragraph` (the UPR's `84.1`, the CAT's `9`).
    static func id(_ app: Application, _ mechanism: Mechanism, _ paragraph: String) async throws -> Int {
        try await app.sql().raw(
            "SELECT id FROM recommendations WHERE mechanism = \(bind: mechanism.rawValue) AND paragraph = \(bind: paragraph)"
        ).first()!.decode(column: "id", as: Int.self)
    }

    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    func total(_ app: Application, _ query: String) async throws -> Int {
        var total = -1
        try await app.testing().test(.GET, "/api/v1/recommendations?" + query) { response in
            #expect(response.status == .ok, "\(query): \(response.body.string)")
            total = try Self.json(response)["total"] as? Int ?? -1
        }
        return total
    }

    @Test(arguments: TestDatabase.allCases)
    func theAPIFiltersByBodyAndSDGTarget(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await Self.writeUHRI(app)
            // validate: bodies in any case, finer than their mechanisms
            #expect(try await total(app, "body=CEDAW") == 3)
            #expect(try await total(app, "body=cedaw") == 3)
            #expect(try await total(app, "mechanism=crc") == 2)
            #expect(try await total(app, "body=CRC-OP-SC") == 1, "the protocol's committee, not the CRC's own")
            #expect(try await total(app, "body=sr%20on%20torture") == 1)
            #expect(try await total(app, "body=Nobody") == 0)
            // SDG targets, lettered ones in any case, combined with the other filters
            #expect(try await total(app, "sdgTarget=16.3") == 11)
            #expect(try await total(app, "sdgTarget=16.A") == 6)
            #expect(try await total(app, "sdgTarget=16.10") == 2)
            #expect(try await total(app, "sdgTarget=16.9") == 0)
            #expect(try await total(app, "sdgTarget=16.a&body=CAT") == 2)
            #expect(try await total(app, "sdgTarget=16.3&mechanism=upr") == 5)
            #expect(try await total(app, "sdgTarget=16.3&kind=concern-observation") == 2)
            // The kind filter finds the four concerns and observations, and only them.
            #expect(try await total(app, "kind=concern-observation") == 4)
            #expect(try await total(app, "kind=recommendation") == 36)
            for value in ["16.11", "18.1", "16", "abc", "", "16.3.1"] {
                try await app.testing().test(.GET, "/api/v1/recommendations?sdgTarget=" + value) { response in
                    #expect(response.status == .badRequest, "sdgTarget=\(value)")
                    #expect(response.body.string.contains("sdgTarget"))
                    #expect(response.body.string.contains("169 SDG targets"))
                }
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theAPICarriesTheUHRIFieldsAsItsDocumentSays(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await Self.writeUHRI(app)
            let upr = try await Self.id(app, .upr, "84.1")
            let cat = try await Self.id(app, .cat, "10")
            let concern = try await Self.id(app, .cat, "9")
            var document = Data()
            try await app.testing().test(.GET, "/api/v1/openapi.json") { document = Data(buffer: $0.body) }
            let validator = try JSONSchemaValidator(openAPI: document)
            // The document lists every target and the concern kind, so a client knows what it may ask.
            let schemas = try #require(
                (validator.document["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let targets = try #require((schemas["SDGTarget"] as? [String: Any])?["enum"] as? [String])
            #expect(targets == SDG.allTargets)
            let cases: [(String, String)] = [
                ("/api/v1/recommendations?kind=concern-observation", "/api/v1/recommendations"),
                ("/api/v1/recommendations?sdgTarget=16.3&body=cat", "/api/v1/recommendations"),
                ("/api/v1/recommendations/\(upr)", "/api/v1/recommendations/{id}"),
                ("/api/v1/recommendations/\(cat)", "/api/v1/recommendations/{id}"),
                ("/api/v1/recommendations/\(concern)", "/api/v1/recommendations/{id}"),
            ]
            for (url, path) in cases {
                try await app.testing().test(.GET, url) { response in
                    #expect(response.status == .ok, "\(url)")
                    let value = try JSONSerialization.jsonObject(with: Data(buffer: response.body))
                    let schema = try validator.responseSchema(path: path, status: "200")
                    #expect(validator.validate(value, against: schema) == [], "\(url)")
                }
            }
            try await app.testing().test(.GET, "/api/v1/recommendations/\(cat)") { response in
                let item = try #require(try Self.json(response)["recommendation"] as? [String: Any])
                #expect(item["recommendingBody"] as? String == "CAT")
                #expect(item["publicationDate"] as? String == "2016-09-19")
                #expect(item["indexedDate"] as? String == "2021-06-15")
                #expect(item["sdgTargets"] as? [String] == ["16.3", "16.a"])
                #expect(item["statesConcerned"] as? [String] == ["Mongolia"])
                #expect(item["regionsConcerned"] as? [String] == ["Asia-Pacific States"])
            }
            try await app.testing().test(.GET, "/api/v1/recommendations?q=enforced%20disappearance&mechanism=upr") {
                response in
                let items = try #require(try Self.json(response)["items"] as? [[String: Any]])
                let first = try #require(items.first { $0["paragraph"] as? String == "84.1" })
                #expect(first["positionAsGiven"] as? String == "Supported")
                #expect(first["recommendingBody"] as? String == "UPR")
                #expect(first["sdgTargets"] as? [String] == ["16.3"])
            }
            try await app.testing().test(.GET, "/api/v1/recommendations/\(concern)") { response in
                let item = try #require(try Self.json(response)["recommendation"] as? [String: Any])
                #expect(item["kind"] as? String == "concern-observation")
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theListOffersTheBodiesAndTargetsItHolds(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            try await app.importFiles([Fixture.session9])
            try await app.testing().test(.GET, "/recommendations") { response in
                // UPR Info's export names no body and no target: no menu that could find nothing.
                #expect(!response.body.string.contains("id=\"f-body\""))
                #expect(!response.body.string.contains("id=\"f-sdgTarget\""))
            }
            try await Self.writeUHRI(app)
            try await app.testing().test(.GET, "/recommendations?body=cedaw") { response in
                let html = response.body.string
                #expect(response.status == .ok)
                #expect(html.contains("<label for=\"f-body\">Recommending body</label>"))
                #expect(html.contains("<option value=\"CEDAW\" selected>CEDAW</option>"))
                #expect(html.contains("<option value=\"CRC-OP-SC\">CRC-OP-SC</option>"))
                #expect(html.contains("<option value=\"SR on torture\">SR on torture</option>"))
                #expect(html.contains("Showing 1 to 3 of 3"))
                // The concern among the three says what it is, not that its response is pending.
                #expect(html.contains("<dd><span class=\"tag tag-concern-observation\">Concern or observation</span>"))
            }
            try await app.testing().test(.GET, "/recommendations?sdgTarget=16.a") { response in
                let html = response.body.string
                #expect(html.contains("<label for=\"f-sdgTarget\">SDG target</label>"))
                #expect(
                    html.contains(
                        "<option value=\"16.a\" selected>Target 16.a · Peace, justice and strong institutions</option>")
                )
                #expect(html.contains("<option value=\"5.1\">Target 5.1 · Gender equality</option>"))
                #expect(!html.contains("<option value=\"16.9\""), "no target that finds nothing")
                #expect(html.contains("Showing 1 to 6 of 6"))
            }
            try await app.testing().test(.GET, "/recommendations?kind=concern-observation") { response in
                #expect(response.body.string.contains("<option value=\"concern-observation\" selected>"))
                #expect(response.body.string.contains("Showing 1 to 4 of 4"))
            }
            try await app.testing().test(.GET, "/recommendations?sdgTarget=16.99") { response in
                #expect(response.status == .badRequest)
                #expect(response.body.string.contains("169 SDG targets"))
            }
            try await app.testing().test(.GET, "/recommendations?sdgTarget=16.a", headers: ["Accept-Language": "mn"]) {
                response in
                let html = response.body.string
                #expect(html.contains("Зөвлөмж гаргасан байгууллага"))
                #expect(html.contains("ТХЗ-ын зорилт"))
            }
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func theRecordsPageShowsWhatUHRISays(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            // setup: the human rights defenders' mandate's recommendation as a joint communication about two
            // states of two regions (the fixture's records each concern Mongolia alone).
            try await Self.writeUHRI(app) { records in
                let index = records.firstIndex {
                    $0.recommendingBody == "SR on the situation of human rights defenders" && $0.kind == .recommendation
                }!
                records[index].statesConcerned = ["Mongolia", "Kazakhstan"]
                records[index].regionsConcerned = ["Asia-Pacific States", "Eastern European States"]
            }
            let cat = try await Self.id(app, .cat, "10")
            let upr = try await Self.id(app, .upr, "84.1")
            let joint = try await app.sql().raw(
                "SELECT id FROM recommendations WHERE recommending_body LIKE 'SR on the situation%' AND kind = 'recommendation'"
            ).first()!.decode(column: "id", as: Int.self)

            // MUT
            let html = try await Browser.anonymous.get(app, "/recommendations/\(cat)").body.string
            // validate
            #expect(
                html.contains(
                    "<div><dt>Recommending body</dt><dd><a href=\"/recommendations?body=CAT\">CAT</a></dd></div>"))
            #expect(html.contains("<div><dt>Date of the document</dt><dd>19 September 2016</dd></div>"))
            #expect(
                html.contains("<div><dt>Indexed in the Universal Human Rights Index</dt><dd>15 June 2021</dd></div>"))
            #expect(html.contains("<dt>Document</dt>"))
            #expect(
                !html.contains("<dt>Working Group report</dt>"),
                "a committee's concluding observations are no UPR report")
            #expect(html.contains("<dt>SDG targets</dt>"))
            #expect(html.contains("<a href=\"/recommendations?sdgTarget=16.3\">16.3</a>"))
            #expect(html.contains("<a href=\"/recommendations?sdgTarget=16.a\">16.a</a>"))
            #expect(!html.contains("States concerned"), "Mongolia alone is the state under review")
            #expect(!html.contains("Position as the source gives it"))

            let uprPage = try await Browser.anonymous.get(app, "/recommendations/\(upr)").body.string
            #expect(uprPage.contains("<div><dt>Position as the source gives it</dt><dd>Supported</dd></div>"))
            #expect(uprPage.contains("<dt>Working Group report</dt>"))

            let jointPage = try await Browser.anonymous.get(app, "/recommendations/\(joint)").body.string
            #expect(jointPage.contains("<div><dt>States concerned</dt><dd>Mongolia, Kazakhstan</dd></div>"))
            #expect(
                jointPage.contains(
                    "<div><dt>Regions concerned</dt><dd>Asia-Pacific States, Eastern European States</dd></div>"))
            #expect(
                jointPage.contains(
                    "href=\"/recommendations?body=SR%20on%20the%20situation%20of%20human%20rights%20defenders\""))

            // The same in Mongolian: labels from the catalog, dates and regions in the language.
            let mongolian = Browser(cookie: "upr_lang=mn", csrf: "")
            let translated = try await mongolian.get(app, "/recommendations/\(joint)").body.string
            #expect(translated.contains("<dt>Зөвлөмж гаргасан байгууллага</dt>"))
            #expect(translated.contains("<dt>Хамаарах улсууд</dt>"))
            #expect(translated.contains("Ази, Номхон далайн орнууд, Зүүн Европын орнууд"))
            #expect(translated.contains("<dd>2018 оны 1 сарын 12</dd>"))
            #expect(translated.contains("<dd>2021 оны 6 сарын 15</dd>"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func aConcernHasNothingToPlan(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            // setup
            try await Self.writeUHRI(app)
            let concern = try await Self.id(app, .cat, "9")
            let recommendation = try await Self.id(app, .cat, "10")
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")

            // The committee's recommendation next to it may be planned: the difference is the kind alone.
            let planned = try await cso.get(app, "/recommendations/\(recommendation)").body.string
            #expect(planned.contains("href=\"/recommendations/\(recommendation)/plan\""))
            #expect(planned.contains("Draft a plan entry"))

            // MUT
            for browser in [cso, admin] {
                let html = try await browser.get(app, "/recommendations/\(concern)").body.string
                // validate: what it is, said plainly, and nothing that treats it as a request to the state
                #expect(html.contains("<h1>Concern or observation 9 about Mongolia</h1>"))
                #expect(html.contains("<span class=\"tag tag-concern-observation\">Concern or observation</span>"))
                #expect(html.contains("id=\"concern-note\""))
                #expect(!html.contains("Draft a plan entry"))
                #expect(!html.contains("/recommendations/\(concern)/plan"))
                #expect(!html.contains("<h2>Implementation plan</h2>"))
                #expect(!html.contains("Record a change of response"))
                #expect(!html.contains("id=\"other-mechanisms\""))
                #expect(!html.contains("id=\"indicators-title\""))
                #expect(!html.contains("History of the response"))
            }
            let translated = try await Browser(cookie: "upr_lang=mn", csrf: "").get(app, "/recommendations/\(concern)")
            #expect(translated.body.string.contains("Санаа зовнил, ажиглалт"))
            #expect(translated.body.string.contains("<h1>Mongolia-д холбогдох Санаа зовнил, ажиглалт 9</h1>"))

            // Asked for by hand, the editor does not exist and the store refuses an entry.
            #expect(try await cso.get(app, "/recommendations/\(concern)/plan").status == .notFound)
            var fields = PlanEntryFields()
            fields.goal = "A definition of torture"
            await #expect(throws: StoreError.self) {
                _ = try await PlanStore(try app.sql()).create(
                    recommendationID: concern, workingGroupID: try await justiceGroupID(app), fields: fields,
                    userID: nil, actor: "test")
            }
            #expect(try await app.count("plan_entries", where: "WHERE recommendation_id = \(concern)") == 0)
            let events = try await app.count("response_events", where: "WHERE recommendation_id = \(concern)")
            await #expect(throws: StoreError.self) {
                try await ResponseChange.record(
                    recommendationID: concern, version: 1, response: .supported, effectiveDate: "2021-09-01",
                    source: "CAT/C/MNG/CO/2", note: "", actor: "test", on: try app.sql())
            }
            #expect(try await app.count("response_events", where: "WHERE recommendation_id = \(concern)") == events)

            // A UPR recommendation's entry may not take the concern as "the same recommendation" either.
            let upr = try await Self.id(app, .upr, "84.2")
            let entry = try await PlanStore(try app.sql()).create(
                recommendationID: upr, workingGroupID: try await justiceGroupID(app), fields: fields, userID: nil,
                actor: "test")
            await #expect(throws: StoreError.self) {
                try await PlanStore(try app.sql()).decide(
                    entry, version: 1, recommendationID: concern, decision: .accepted, userID: nil, actor: "test")
            }
            try await PlanStore(try app.sql()).decide(
                entry, version: 1, recommendationID: recommendation, decision: .accepted, userID: nil, actor: "test")
            #expect(try await app.count("plan_entry_mechanisms", where: "WHERE plan_entry_id = \(entry)") == 1)

            // An assessment round of every cycle covers the committee's recommendation, not its concern.
            let assessments = AssessmentStore(try app.sql())
            let roundID = try await assessments.createRound(
                stateName: "Mongolia", cycle: nil, title: "Every mechanism", heldOn: "2021-09-01", actor: "test")
            let round = try #require(try await assessments.round(roundID))
            let overview = try await RoundOverview.load(round: round, pageSize: 10_000, on: try app.sql())
            #expect(overview.lines.contains { $0.recommendationID == recommendation })
            #expect(!overview.lines.contains { $0.recommendationID == concern })
            #expect(try await assessments.inScope(round, recommendation))
            #expect(try await !assessments.inScope(round, concern))
            let breakdown = try await StatusBreakdown.load(
                round: round, dimension: .response, perspective: .everyone, publishedOnly: false, on: try app.sql())
            #expect(breakdown.groups.map(\.total).reduce(0, +) == overview.inScope)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func otherMechanismsNeverSuggestAConcern(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            // setup
            try await Self.writeUHRI(app)
            let sql = try app.sql()
            func ids(_ condition: SQLQueryString) async throws -> Set<Int> {
                Set(
                    try await sql.raw("SELECT id FROM recommendations WHERE " + condition).all().map {
                        try $0.decode(column: "id", as: Int.self)
                    })
            }
            let upr = try await ids("mechanism = 'upr'")
            let concerns = try await ids("kind = 'concern-observation'")
            #expect(concerns.count == 4)
            /// Everything suggested to any UPR recommendation at a threshold low enough that any shared word counts.
            func suggested(_ cache: SimilarityCache) async throws -> Set<Int> {
                var found: Set<Int> = []
                for id in upr {
                    let matches = try await OtherMechanisms.suggestions(
                        for: id, minimumScore: 0.01, top: 100, cache: cache, on: sql)
                    found.formUnion(try #require(matches).map(\.recommendationID))
                }
                return found
            }

            // MUT
            let found = try await suggested(SimilarityCache())
            // validate: treaty bodies' and special procedures' recommendations, never their concerns
            #expect(!found.isEmpty)
            #expect(found.isDisjoint(with: concerns))
            for concern in concerns {
                let own = try await OtherMechanisms.suggestions(
                    for: concern, minimumScore: 0.01, top: 100, cache: SimilarityCache(), on: sql)
                #expect(own == [], "a concern is not matched to UPR recommendations either")
            }
            // The same texts as recommendations are suggested: the kind alone kept them out.
            try await sql.raw("UPDATE recommendations SET kind = 'recommendation' WHERE kind = 'concern-observation'")
                .run()
            #expect(!(try await suggested(SimilarityCache())).isDisjoint(with: concerns))
        }
    }
}
