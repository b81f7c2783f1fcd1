import Foundation
import Testing
import UPRDemo
import UPRDomain
import UPRStore
import VaporTesting

@testable import UPRWeb

/// Markup in every kind of text people and imports bring — comments (with mentions), plan entries, indicators,
/// organisation, person, group, state and meeting names, recommendation texts, action items, agreements,
/// assessments — shown on every page a reader reaches: escaped wherever it appears, whether Leaf or Swift
/// (`SafeHTML`) wrote the page, and never as markup (issue 12).
@Suite struct HostileInputTests {
    /// Text that breaks out of an attribute and an element, marked with the field it was put in.
    static func payload(_ field: String) -> String {
        "\"'><script>alert('\(field)')</script><img src=x onerror=alert('\(field)')>"
    }
    static func escaped(_ field: String) -> String {
        "&quot;&#39;&gt;&lt;script&gt;alert(&#39;\(field)&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(&#39;\(field)&#39;)&gt;"
    }
    /// State names are path segments of their pages: the same attack without the slash.
    static func payloadWithoutSlash(_ field: String) -> String { "\"'><img src=x onerror=alert('\(field)')>" }
    static func escapedWithoutSlash(_ field: String) -> String {
        "&quot;&#39;&gt;&lt;img src=x onerror=alert(&#39;\(field)&#39;)&gt;"
    }
    /// What a page must never contain: the payloads as markup, or a mention turned into a script link.
    static let markers = ["<script>alert(", "<img src=x", "onerror=alert('", "href=\"javascript:"]

    /// Every text column a page shows, with the field name its payload carries. Appended (prepended for the
    /// recommendation text, which the round page cuts after 220 characters), so names stay unique.
    static let columns: [(table: String, column: String, field: String)] = [
        ("organisations", "name", "organisation"), ("organisation_names", "name", "organisation"),
        ("working_groups", "name", "group"), ("users", "name", "person"),
        ("meetings", "title", "meeting"), ("meetings", "place", "place"), ("meetings", "minutes", "minutes"),
        ("agenda_items", "title", "agenda"), ("decisions", "text", "decision"), ("action_items", "title", "action"),
        ("agreements", "title", "agreement"), ("agreements", "text", "agreementText"),
        ("indicators", "title", "indicator"), ("indicators", "unit", "unit"), ("indicators", "data_source", "source"),
        ("indicators", "definition", "definition"), ("measurements", "source", "measurementSource"),
        ("plan_entries", "goal", "goal"), ("plan_entries", "expected_action", "expectedAction"),
        ("plan_entries", "indicators", "entryIndicators"), ("plan_entries", "other_mechanisms_national", "national"),
        ("plan_entries", "government_comment", "governmentComment"), ("assessments", "justification", "justification"),
        ("assessment_rounds", "title", "round"),
        // As an import stores a recommendation's recommending states beside the links to them.
        ("recommendations", "recommending_states", "recommender"),
    ]

    @Test(arguments: TestDatabase.allCases)
    func everyPageEscapesWhatPeopleAndImportsWrote(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            // setup: the served demo's indicators and discussion, a published entry of the justice group, and
            // comments posted through the form with markup and mentions (resolved, unresolved, `javascript:`).
            let sql = try app.sql()
            try await DemoIndicators.load(on: sql)
            try await DemoDiscussion.load(on: sql)
            let (rec, entry) = try await discussionFixture(app)
            try await PlanStore(sql).setStatus(entry, version: 1, status: .published, actor: "test")
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let body = Self.payload("comment") + " @ministry-of-justice-and-home-affairs @nhri@demo.upr"
            // A mention of nobody is refused; the form comes back with the text, escaped.
            let refused = try await postComment(
                app, cso, "/recommendations/\(rec)/comments", body: body + " @javascript:alert(1)")
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains(Self.escaped("comment") + " @ministry-of-justice"))
            #expect(refused.body.string.contains("javascript:alert(1)"))
            for marker in Self.markers { #expect(!refused.body.string.contains(marker)) }
            let comment = try postedID(
                try await postComment(app, cso, "/recommendations/\(rec)/comments", body: body))
            _ = try postedID(
                try await postComment(
                    app, focal, "/recommendations/\(rec)/comments", body: Self.payload("answer"), parent: comment,
                    formal: true))
            _ = try postedID(try await postComment(app, cso, "/plan/entries/\(entry)/comments", body: body))
            // As an import or a form would have stored them.
            for (table, column, field) in Self.columns {
                try await sql.raw(
                    "UPDATE \(ident: table) SET \(ident: column) = \(ident: column) || \(bind: Self.payload(field))"
                ).run()
            }
            try await sql.raw("UPDATE recommendations SET text = \(bind: Self.payload("recommendation")) || text")
                .run()
            try await sql.raw(
                "UPDATE states SET name = name || \(bind: Self.payloadWithoutSlash("state")) WHERE name <> 'Mongolia'"
            ).run()
            let ministry = try await sql.raw(
                "SELECT id FROM organisations WHERE name LIKE 'Ministry of Justice and Home Affairs%'"
            ).first()!.decode(column: "id", as: Int.self)
            let assessment = try await sql.raw("SELECT round_id, recommendation_id FROM assessments").first()!
            let assessed = (
                round: try assessment.decode(column: "round_id", as: Int.self),
                recommendation: try assessment.decode(column: "recommendation_id", as: Int.self)
            )
            let indicator = try await sql.raw("SELECT MIN(id) AS id FROM indicators").first()!
                .decode(column: "id", as: Int.self)

            // MUT: every page each kind of person reaches from the main pages.
            let seeds = [
                "/", "/recommendations/\(rec)", "/plan/entries/\(entry)", "/plan?state=Mongolia",
                "/plan?organisation=\(ministry)", "/dashboard?state=Mongolia", "/reports/midterm.html?state=Mongolia",
                "/indicators/\(indicator)", "/indicators", "/meetings", "/agreements", "/assessments", "/inbox",
                "/action-items", "/recommendations?q=torture", "/states", "/taxonomies/cluster",
                "/comments/\(comment)/reply", "/comments/\(comment)/hide",
                "/assessments/\(assessed.round)/recommendations/\(assessed.recommendation)",
            ]
            var pages: [String: String] = [:]
            for (name, browser) in [("public", Browser.anonymous), ("admin", admin), ("cso", cso), ("focal", focal)] {
                for (path, html) in try await Self.crawl(app, browser, from: seeds, limit: 150) {
                    pages[name + " " + path] = html
                }
            }

            // validate: nothing as markup anywhere; each field's text shown, escaped, where it belongs.
            #expect(pages.count > 300)
            for (page, html) in pages {
                for marker in Self.markers where html.contains(marker) {
                    Issue.record("\(page) contains \(marker)")
                }
            }
            func expectEscaped(_ page: String, _ fields: [String]) {
                guard let html = pages[page] else {
                    Issue.record("not reached: \(page)")
                    return
                }
                for field in fields {
                    #expect(html.contains(Self.escaped(field)), "\(page): \(field)")
                }
            }
            expectEscaped(
                "public /recommendations/\(rec)", ["recommendation", "comment", "answer", "organisation", "person"])
            #expect(
                pages["public /recommendations/\(rec)"]!.contains("<a class=\"mention\" href=\"/plan?organisation="))
            expectEscaped("cso /recommendations/\(rec)", ["comment", "organisation"])
            expectEscaped("public /plan/entries/\(entry)", ["goal", "expectedAction", "national", "comment"])
            expectEscaped(
                "public /plan?state=Mongolia",
                ["recommendation", "goal", "expectedAction", "entryIndicators", "organisation"])
            expectEscaped("cso /plan?organisation=\(ministry)", ["organisation", "goal"])
            expectEscaped("public /indicators/\(indicator)", ["indicator", "unit", "source", "definition"])
            expectEscaped("admin /dashboard?state=Mongolia", ["round"])
            #expect(pages["public /states"]?.contains(Self.escapedWithoutSlash("state")) == true)
            expectEscaped("public /plan?state=Mongolia", ["recommender"])
            expectEscaped(
                "admin /assessments/\(assessed.round)/recommendations/\(assessed.recommendation)", ["justification"])
            expectEscaped("admin /reports/midterm.html?state=Mongolia", ["recommendation", "goal"])
            expectEscaped("admin /comments/\(comment)/reply", ["comment"])
            expectEscaped("admin /comments/\(comment)/hide", ["comment"])
            // Each field appears, escaped, on some page someone reached.
            let all = pages.values.joined()
            for field in Set(Self.columns.map(\.field)).union(["comment", "answer", "recommendation"]) {
                #expect(all.contains(Self.escaped(field)), "\(field) is shown nowhere")
            }
            for prefix in ["/meetings/", "/agreements/", "/assessments/"] {
                #expect(pages.keys.contains { $0.contains(" " + prefix) }, "no page under \(prefix)")
            }
        }
    }

    /// The HTML pages reached from `seeds` by following same-site links (breadth first, at most `limit`); a
    /// server error fails the test.
    static func crawl(_ app: Application, _ browser: Browser, from seeds: [String], limit: Int) async throws
        -> [(String, String)]
    {
        var queue = seeds
        var seen = Set(seeds)
        var pages: [(String, String)] = []
        while !queue.isEmpty && pages.count < limit {
            let path = queue.removeFirst()
            let response = try await browser.get(app, path)
            #expect(response.status.code < 500, "\(path): \(response.status)")
            guard response.status == .ok, response.headers.contentType?.subType == "html" else { continue }
            let html = response.body.string
            pages.append((path, html))
            var rest = html[...]
            while let range = rest.range(of: "href=\"/") {
                rest = rest[range.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                let link = "/" + rest[..<end].replacingOccurrences(of: "&amp;", with: "&")
                let path = String(link.split(separator: "#", omittingEmptySubsequences: false)[0])
                let skipped = ["/logout", "/language/", ".ics", "/export", ".docx", "/assets/", "/api/"]
                if skipped.contains(where: path.contains) { continue }
                if seen.insert(path).inserted { queue.append(path) }
            }
        }
        return pages
    }
}
