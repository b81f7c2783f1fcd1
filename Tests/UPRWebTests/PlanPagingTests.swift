import Foundation
import Testing
import UPRDomain
import UPRSpreadsheet
import UPRStore
import UPRWeb
import VaporTesting

/// The matrix of a state with 257 recommendations, each with a full plan entry, answered and published: every page
/// weighs under 100 KB in both languages, the pages together are the whole matrix in order, the view survives paging,
/// and the exports still hold every row.
@Suite struct PlanPagingTests {
    /// What a working group writes for a recommendation of its cluster, and which body answers for it.
    static let plans: [Cluster: (lead: String, goal: String, indicators: String)] = [
        .justice: (
            "Ministry of Justice",
            "Courts, police and prisons meet international standards and every allegation of abuse is investigated",
            "Number of complaints against officials investigated, prosecuted and convicted per year; share of judgments "
                + "of the European Court of Human Rights executed"
        ),
        .women: (
            "State Committee for Family, Women and Children Affairs",
            "Women and men are equal in law and in practice, and women are protected from gender-based violence",
            "Number of domestic violence cases reported, prosecuted and convicted per year; number of shelter places "
                + "for victims; share of women in parliament and government"
        ),
        .children: (
            "State Committee for Family, Women and Children Affairs",
            "Every child is protected from violence, neglect and exploitation and grows up in a family environment",
            "Number of children in residential institutions on 31 December (by age and sex); number of children "
                + "placed in foster and guardianship care per year"
        ),
        .escRights: (
            "Ministry of Labour and Social Protection of Population",
            "Everyone has access to social protection, health care and education without discrimination",
            "Poverty rate by region and household type; number of families receiving targeted social assistance; "
                + "public health expenditure as a share of GDP"
        ),
        .vulnerableGroups: (
            "State Migration Service",
            "Persons with disabilities, minorities, refugees and migrants enjoy their rights on an equal basis",
            "Number of asylum applications decided per year and average length of the procedure; employment rate of "
                + "persons with disabilities"
        ),
    ]

    /// Imports the state, adds its government bodies, and gives every recommendation a drafted, answered and
    /// published entry through the store, as the working groups and ministries would.
    static func fillPlan(_ app: Application) async throws -> [Int] {
        try await app.importFiles([Fixture.azerbaijan])
        let sql = try app.sql()
        let organisations = OrganisationStore(sql)
        var leads: [String: Int] = [:]
        for name in Set(plans.values.map(\.lead)).sorted() {
            leads[name] = try await organisations.create(
                name: name, kind: name.hasPrefix("Ministry") ? .ministry : .governmentAgency, representsState: nil,
                validFrom: nil, actor: "test")
        }
        let groups = try await organisations.workingGroups()
        let focal = try await AccountStore(sql).createUser(
            email: "focal@justice.gov.az", name: "Focal point", passwordHash: "x", role: .focalPoint,
            organisationID: leads["Ministry of Justice"], actor: "test")
        let store = PlanStore(sql)
        let matrix = try await PlanMatrix.load(.state("Azerbaijan"), includeDrafts: true, on: sql)
        for row in matrix.rows {
            let recommendation = row.recommendation
            let cluster = recommendation.clusters.first ?? .justice
            let plan = try #require(plans[cluster])
            var fields = PlanEntryFields()
            fields.goal = plan.goal
            fields.expectedAction =
                "Carry out what the recommendation asks: "
                + String(recommendation.text.prefix { $0 != ";" && $0 != "." }.prefix(220)).lowercased()
            fields.indicators = plan.indicators
            fields.leadOrganisationID = leads[plan.lead]
            fields.otherMechanismsNational = "Commissioner for Human Rights (Ombudsman), annual report"
            fields.otherMechanismsInternational = "Treaty bodies' concluding observations on Azerbaijan"
            let group = groups.first { $0.cluster == cluster } ?? groups[0]
            let id = try await store.create(
                recommendationID: recommendation.id, workingGroupID: group.id, fields: fields, userID: nil,
                actor: "test")
            try await store.answer(
                id, version: 1, answer: .agree,
                comment: "Agreed. The ministry includes this in its 2017 work plan and reports in the mid-term report.",
                userID: focal, actor: "test")
            try await store.setStatus(id, version: 2, status: .published, actor: "test")
        }
        return matrix.rows.map(\.recommendation.id)
    }

    /// The recommendations a page's rows link to, in order.
    static func rowIDs(_ html: String) -> [Int] {
        html.matches(of: /<th scope="row"[^>]*><a href="\/recommendations\/(\d+)">/).compactMap { Int($0.1) }
    }

    @Test(arguments: TestDatabase.allCases)
    func everyPageIsLightAndTogetherTheyAreTheWholeMatrix(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let ids = try await Self.fillPlan(app)
            #expect(ids.count == 257)
            for language in ["en", "mn"] {
                var browser = Browser.anonymous
                browser.cookie += "; upr_lang=\(language)"
                var seen: [Int] = []
                for page in 1...11 {
                    let response = try await browser.get(app, "/plan?state=Azerbaijan&page=\(page)")
                    #expect(response.status == .ok)
                    let size = response.body.readableBytes
                    #expect(size < 100_000, "\(language) page \(page): \(size) bytes")
                    let html = response.body.string
                    let rows = Self.rowIDs(html)
                    #expect(rows.count == (page < 11 ? 25 : 7), "\(language) page \(page)")
                    seen += rows
                    // The view and the full export stay one click away on every page.
                    #expect(html.contains("/plan/export.xlsx?state=Azerbaijan"))
                    #expect(html.contains("/plan/export.csv?state=Azerbaijan"))
                    if page < 11 {
                        #expect(html.contains("rel=\"next\" href=\"/plan?state=Azerbaijan&amp;page=\(page + 1)\""))
                    }
                }
                #expect(seen == ids, "\(language): the pages in order are the matrix")
            }
            let first = try await Browser.anonymous.get(app, "/plan?state=Azerbaijan")
            #expect(first.body.string.contains("Recommendations 1–25 of 257; 257 of them have a plan entry."))
            #expect(first.body.string.contains("The whole plan (257 recommendations):"))
            // Out of range asks for the nearest page.
            #expect(
                Self.rowIDs(try await Browser.anonymous.get(app, "/plan?state=Azerbaijan&page=99").body.string).count
                    == 7)
            #expect(
                Self.rowIDs(try await Browser.anonymous.get(app, "/plan?state=Azerbaijan&page=0").body.string)
                    == Array(ids.prefix(25)))

            let export = try await Browser.anonymous.get(app, "/plan/export.xlsx?state=Azerbaijan")
            let document = try ImplementationMatrix.read(Data(buffer: export.body), fileName: "plan.xlsx")
            #expect(document.rows.count == 257)
            #expect(document.rows.allSatisfy { !$0.goal.isEmpty && !$0.responsibleBody.isEmpty })
        }
    }

    /// A working group's view pages through its own entries and keeps the group in every link.
    @Test(arguments: TestDatabase.allCases)
    func pagingKeepsTheView(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            _ = try await Self.fillPlan(app)
            let justice = try await justiceGroupID(app)
            let page = try await PlanMatrix.page(
                .workingGroup(justice), includeDrafts: false, page: 2, per: 25, on: try app.sql())
            #expect(page.total > 50)
            #expect(page.withEntries == page.total)
            let html = try await Browser.anonymous.get(app, "/plan?group=\(justice)&page=2").body.string
            #expect(Self.rowIDs(html) == page.lines.map(\.recommendationID))
            #expect(html.contains("rel=\"prev\" href=\"/plan?group=\(justice)\""))
            #expect(html.contains("/plan?group=\(justice)&amp;page=3"))
            #expect(html.contains("/plan/export.xlsx?group=\(justice)"))
            // The menu shows the view chosen.
            #expect(html.contains("<option value=\"\(justice)\" selected>"))
        }
    }

    /// The database orders numbered paragraphs number by number, as `ParagraphOrder` does, on both engines, and the
    /// pages agree with the whole view.
    @Test(arguments: TestDatabase.allCases)
    func paragraphsAreInReportOrder(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let sql = try app.sql()
            let unnumbered = try await sql.raw(
                "SELECT id FROM recommendations WHERE paragraph IS NULL AND kind = 'recommendation' ORDER BY id LIMIT 8"
            ).all().map { try $0.decode(column: "id", as: Int.self) }
            let paragraphs = ["108.9", "108.42.10", "108.103.1", "90.1", "108.42.1", "A.2", "108.42.2", "7"]
            for (id, paragraph) in zip(unnumbered, paragraphs) {
                try await sql.raw("UPDATE recommendations SET paragraph = \(bind: paragraph) WHERE id = \(bind: id)")
                    .run()
            }
            let keys = try await sql.raw(
                """
                SELECT r.id, r.session, r.paragraph FROM recommendations r JOIN states s ON s.id = r.state_id
                WHERE s.name = 'Mongolia' AND r.kind = 'recommendation'
                """
            ).all().map {
                (
                    id: try $0.decode(column: "id", as: Int.self),
                    session: try $0.decode(column: "session", as: Int?.self),
                    paragraph: try $0.decode(column: "paragraph", as: String?.self)
                )
            }
            let expected = keys.sorted { a, b in
                switch (a.paragraph, b.paragraph) {
                case (let x?, let y?):
                    if a.session != b.session { return (a.session ?? 0) < (b.session ?? 0) }
                    return x == y ? a.id < b.id : ParagraphOrder.less(x, y)
                case (_?, nil): return true
                case (nil, _?): return false
                default: return a.id < b.id
                }
            }.map(\.id)
            var paged: [Int] = []
            for page in 1...6 {
                paged += try await PlanMatrix.page(
                    .state("Mongolia"), includeDrafts: true, page: page, per: 25, on: sql
                ).lines.map(\.recommendationID)
            }
            #expect(paged == expected)
            let whole = try await PlanMatrix.load(.state("Mongolia"), includeDrafts: true, on: sql)
            #expect(whole.rows.map(\.recommendation.id) == expected)
            #expect(
                Array(whole.rows.prefix(10).compactMap(\.recommendation.paragraph)) == [
                    "A.2", "7", "90.1", "108.9", "108.42.1", "108.42.2", "108.42.10", "108.103.1", "108.42", "108.103",
                ])
        }
    }

    /// The matrix table is written in Swift, not Leaf: everything in it is escaped as Leaf would.
    @Test(arguments: TestDatabase.allCases)
    func theTableEscapesWhatItShows(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let rec = try await recommendationID(app, paragraph: "108.42")
            let hostile = "<script>alert(\"x\")</script> O'Brien & Co"
            try await app.sql().raw("UPDATE recommendations SET text = \(bind: hostile) WHERE id = \(bind: rec)").run()
            var fields = PlanEntryFields()
            fields.goal = "<img src=x onerror=alert(1)>"
            let entry = try await PlanStore(try app.sql()).create(
                recommendationID: rec, workingGroupID: try await justiceGroupID(app), fields: fields, userID: nil,
                actor: "test")
            try await PlanStore(try app.sql()).setStatus(entry, version: 1, status: .published, actor: "test")
            let html = try await Browser.anonymous.get(app, "/plan?state=Mongolia").body.string
            #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; Co"))
            #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
            #expect(!html.contains("<script>") && !html.contains("<img"))
        }
    }
}
