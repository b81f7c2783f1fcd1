import Foundation
import SQLKit
import Testing
import UPRDemo
import UPRWeb
import VaporTesting

/// The HTML of ten key pages of the demo, in both languages, on both engines, held equal to snapshots committed
/// under `Fixtures/Snapshots`. They were taken before the web layer moved onto one page contract (issue 12), so that
/// a refactoring that changes what a person sees fails here; a change that is meant (a fixed bug) is made by
/// recording the snapshots again (`UPR_RECORD_SNAPSHOTS=1 swift test --filter PageSnapshotTests`) and saying why in
/// the commit.
///
/// The demo is dated from today (meetings to come, due dates) and a session's CSRF token is random, so
/// `SnapshotText.normalised` replaces dates, times and tokens by placeholders before comparing; everything else is
/// compared byte for byte.
@Suite struct PageSnapshotTests {
    @Test(arguments: TestDatabase.allCases)
    func keyPagesMatchTheirSnapshots(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            // The whole served demo: the tests' demo leaves out its indicators and discussion.
            try await DemoIndicators.load(on: try app.sql())
            try await DemoDiscussion.load(on: try app.sql())
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let pages = try await Self.keyPages(app)
            var mismatches: [String] = []
            for page in pages {
                for language in ["en", "mn"] {
                    let browser = page.asFocalPoint ? focal : admin
                    var headers = browser.headers()
                    headers.replaceOrAdd(name: .cookie, value: browser.cookie + "; upr_lang=" + language)
                    var html = ""
                    var status = HTTPStatus.internalServerError
                    try await app.testing().test(.GET, page.path, headers: headers) { response in
                        status = response.status
                        html = response.body.string
                    }
                    #expect(status == .ok, "\(page.name) (\(language)): \(status)")
                    let name = page.name + (page.rankedByEngine ? ".\(database.rawValue)" : "") + ".\(language).html"
                    if let difference = try SnapshotFile.compare(SnapshotText.normalised(html), named: name) {
                        mismatches.append(difference)
                    }
                }
            }
            #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
        }
    }

    struct Page {
        var name: String
        var path: String
        var asFocalPoint = false
        /// Search results are ranked by each engine's full-text search (FTS5's bm25, PostgreSQL's ts_rank), which
        /// order ties differently: such a page has a snapshot per engine.
        var rankedByEngine = false
    }

    /// The pages, with the ids of the demo records they show looked up by what the demo names them.
    static func keyPages(_ app: Application) async throws -> [Page] {
        let sql = try app.sql()
        func id(_ query: SQLQueryString) async throws -> Int {
            guard let row = try await sql.raw(query).first() else { throw TestSetupError("no demo row for \(query)") }
            return try row.decode(column: "id", as: Int.self)
        }
        // The domestic-violence recommendation: it has a plan entry, indicators and the demo's discussion.
        let recommendation = try await id(
            """
            SELECT r.id FROM recommendations r JOIN plan_entries p ON p.recommendation_id = r.id
            WHERE r.text LIKE 'Take effective measures to combat domestic violence%' ORDER BY r.id LIMIT 1
            """)
        let entry = try await id(
            "SELECT id FROM plan_entries WHERE recommendation_id = \(bind: recommendation) ORDER BY id LIMIT 1")
        let round = try await id("SELECT id FROM assessment_rounds WHERE title = 'Annual assessment 2016'")
        let indicator = try await id("SELECT id FROM indicators ORDER BY id LIMIT 1")
        let meeting = try await id("SELECT id FROM meetings WHERE title LIKE 'Justice working group:%'")
        return [
            Page(name: "home", path: "/"),
            Page(name: "search", path: "/recommendations?q=torture&state=Mongolia", rankedByEngine: true),
            Page(name: "recommendation", path: "/recommendations/\(recommendation)"),
            Page(name: "plan-matrix", path: "/plan?state=Mongolia"),
            Page(name: "plan-entry", path: "/plan/entries/\(entry)"),
            Page(name: "dashboard", path: "/dashboard?state=Mongolia"),
            Page(name: "round", path: "/assessments/\(round)"),
            Page(name: "indicator", path: "/indicators/\(indicator)"),
            Page(name: "meeting", path: "/meetings/\(meeting)"),
            Page(name: "inbox", path: "/inbox", asFocalPoint: true),
        ]
    }
}
