import Foundation
import Testing
import UPRDomain
import UPRSecurity
import UPRSpreadsheet
import UPRStore
import UPRWeb
import VaporTesting

/// A signed-in browser for tests: a session made directly in the database (the sign-in form has its own tests).
struct Browser {
    var cookie: String
    var csrf: String

    static func signIn(_ app: Application, email: String) async throws -> Browser {
        let store = AccountStore(try app.sql())
        guard let user = try await store.user(email: email) else { throw TestSetupError("no user \(email)") }
        let token = SecureToken.generate()
        let csrf = SecureToken.generate()
        try await store.createSession(
            idHash: SecureToken.hash(token), userID: user.id, csrfToken: csrf, twoFactorPending: false, lifetime: 3600)
        return Browser(cookie: "upr_session=\(token)", csrf: csrf)
    }

    static let anonymous = Browser(
        cookie: "upr_csrf=anonymous-token-anonymous-token-0123", csrf: "anonymous-token-anonymous-token-0123")

    func headers() -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: .cookie, value: cookie)
        return headers
    }

    /// Posts a form; `csrf: false` leaves the token out.
    func post(_ app: Application, _ path: String, _ fields: [(String, String)], csrf: Bool = true) async throws
        -> TestingHTTPResponse
    {
        var all = fields
        if csrf { all.append(("_csrf", self.csrf)) }
        var headers = headers()
        headers.contentType = .urlEncodedForm
        let body = all.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        }.joined(separator: "&")
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { result = $0 }
        return result!
    }

    func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        var result: TestingHTTPResponse?
        try await app.testing().test(.GET, path, headers: headers()) { result = $0 }
        return result!
    }
}

/// Accounts for every role the permission table names, on top of the demo's.
func addTestAccounts(_ app: Application) async throws {
    let sql = try app.sql()
    let organisations = try await OrganisationStore(sql).organisations()
    func id(_ name: String) -> Int? { organisations.first { $0.name == name }?.id }
    let store = AccountStore(sql)
    _ = try await store.createUser(
        email: "other-cso@test.upr", name: "CSO of another group", passwordHash: "x", role: .csoMember,
        organisationID: id("Environment and Health Centre"), actor: "test")
    _ = try await store.createUser(
        email: "other-focal@test.upr", name: "Focal point of another ministry", passwordHash: "x", role: .focalPoint,
        organisationID: id("Ministry of Foreign Affairs"), actor: "test")
}

func recommendationID(_ app: Application, paragraph: String) async throws -> Int {
    try await app.sql().raw("SELECT id FROM recommendations WHERE paragraph = \(bind: paragraph)").first()!
        .decode(column: "id", as: Int.self)
}

func organisationID(_ app: Application, _ name: String) async throws -> Int {
    try await OrganisationStore(try app.sql()).organisations().first { $0.name == name }!.id
}

func justiceGroupID(_ app: Application) async throws -> Int {
    try await OrganisationStore(try app.sql()).workingGroups().first { $0.cluster == .justice }!.id
}

@Suite struct PlanWorkflowTests {
    /// The seed's flow: a CSO working group drafts, the responsible ministry answers, the public sees the
    /// published plan with both.
    @Test(arguments: TestDatabase.allCases)
    func draftAnswerPublish(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let rec = try await recommendationID(app, paragraph: "108.42")
            let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
            let group = try await justiceGroupID(app)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let created = try await cso.post(
                app, "/recommendations/\(rec)/plan",
                [
                    ("workingGroupID", String(group)),
                    ("goal", "Ялгаварлан гадуурхалтын эсрэг иж бүрэн хууль батлагдсан байх"),
                    ("expectedAction", "Draft and submit an anti-discrimination bill to the State Great Khural"),
                    ("indicators", "Bill submitted (yes/no) by 2017-12-31"), ("leadOrganisationID", String(ministry)),
                    ("dueDate", "2017-12-31"), ("version", "0"),
                ])
            #expect(created.status == .seeOther)
            let entryPath = try #require(created.headers.first(name: .location))
            let entry = try #require(try await PlanStore(try app.sql()).entry(recommendationID: rec))
            #expect(entry.status == .draft)
            #expect(entry.fields.goal.hasPrefix("Ялгаварлан"))

            // The public does not see the draft.
            let hidden = try await Browser.anonymous.get(app, entryPath)
            #expect(hidden.status == .notFound)
            let publicMatrix = try await Browser.anonymous.get(app, "/plan?state=Mongolia")
            #expect(!publicMatrix.body.string.contains("anti-discrimination bill"))

            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let answered = try await focal.post(
                app, entryPath + "/answer",
                [
                    ("answer", "amend"), ("comment", "Agreed; the bill is planned for 2018."),
                    ("version", String(entry.version)),
                ])
            #expect(answered.status == .seeOther)
            let afterAnswer = try #require(try await PlanStore(try app.sql()).entry(id: entry.id))
            #expect(afterAnswer.governmentAnswer == .amend)

            let published = try await cso.post(app, entryPath + "/publish", [("version", String(afterAnswer.version))])
            #expect(published.status == .seeOther)
            let visible = try await Browser.anonymous.get(app, "/plan?state=Mongolia")
            let html = visible.body.string
            #expect(html.contains("anti-discrimination bill"))
            #expect(html.contains("Agree with changes"))
            #expect(html.contains("Agreed; the bill is planned for 2018."))

            // Every write is in the audit log, with the fields before and after.
            let history = try await AuditLog.history(entity: .planEntry, id: entry.id, on: app.sql())
            #expect(history.map(\.action) == ["publish", "answer", "create"])
            #expect(history[1].changes["governmentAnswer"] == AuditLog.FieldChange(before: nil, after: "amend"))
            let page = try await Browser.anonymous.get(app, entryPath + "/history")
            #expect(page.body.string.contains("Agreed; the bill is planned for 2018."))
        }
    }

    /// Two people edit the same entry from the version they both read: exactly one save wins; the other gets the
    /// conflict page with both versions, and nothing typed is lost.
    @Test(arguments: TestDatabase.allCases)
    func concurrentEditsConflict(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let rec = try await recommendationID(app, paragraph: "108.103")
            let group = try await OrganisationStore(try app.sql()).workingGroups().first { $0.cluster == .women }!.id
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            _ = try await cso.post(
                app, "/recommendations/\(rec)/plan",
                [("workingGroupID", String(group)), ("goal", "Revised law adopted"), ("version", "0")])
            let version = try #require(try await PlanStore(try app.sql()).entry(recommendationID: rec)).version
            async let first = cso.post(
                app, "/recommendations/\(rec)/plan", [("goal", "Law adopted by 2017"), ("version", String(version))])
            async let second = admin.post(
                app, "/recommendations/\(rec)/plan",
                [("goal", "Law adopted and enforced"), ("version", String(version))])
            let results = try await [first, second]
            let statuses = results.map(\.status).sorted { $0.code < $1.code }
            #expect(statuses == [.seeOther, .conflict])
            let loser = try #require(results.first { $0.status == .conflict })
            let winnerGoal = try #require(try await PlanStore(try app.sql()).entry(recommendationID: rec)).fields.goal
            #expect(["Law adopted by 2017", "Law adopted and enforced"].contains(winnerGoal))
            let page = loser.body.string
            #expect(page.contains("This entry changed while you were editing"))
            #expect(page.contains("Law adopted by 2017"))
            #expect(page.contains("Law adopted and enforced"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func formsWithoutTheCSRFTokenAreRefused(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let rec = try await recommendationID(app, paragraph: "108.42")
            let group = try await justiceGroupID(app)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let before = try await app.count("plan_entries")
            let missing = try await cso.post(
                app, "/recommendations/\(rec)/plan",
                [("workingGroupID", String(group)), ("goal", "x"), ("version", "0")],
                csrf: false)
            #expect(missing.status == .forbidden)
            var forged = cso
            forged.csrf = SecureToken.generate()
            let wrong = try await forged.post(
                app, "/recommendations/\(rec)/plan",
                [("workingGroupID", String(group)), ("goal", "x"), ("version", "0")])
            #expect(wrong.status == .forbidden)
            #expect(try await app.count("plan_entries") == before)
            let logout = try await cso.post(app, "/logout", [], csrf: false)
            #expect(logout.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func responseChangeShowsInTheTimeline(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let row = try #require(
                try await app.sql().raw("SELECT id, version FROM recommendations WHERE response = 'noted'").first())
            let id = try row.decode(column: "id", as: Int.self)
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let changed = try await admin.post(
                app, "/recommendations/\(id)/response",
                [
                    ("response", "supported"), ("effectiveDate", "2017-06-30"), ("source", "Mid-term report 2017"),
                    ("version", String(try row.decode(column: "version", as: Int.self))),
                ])
            #expect(changed.status == .seeOther)
            let detail = try #require(try await RecommendationDetail.load(id: id, on: app.sql()))
            #expect(detail.recommendation.response == .supported)
            #expect(detail.responseHistory.map(\.response) == [.noted, .supported])
            #expect(detail.responseHistory.last?.effectiveDate == "2017-06-30")
            let bad = try await admin.post(
                app, "/recommendations/\(id)/response",
                [
                    ("response", "noted"), ("effectiveDate", "2017-02-30"), ("source", "x"),
                    ("version", String(detail.version)),
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Enter a real date"))
        }
    }

    /// Export of the annex 8.1 matrix and import of the same file: nothing changes; a filled file changes exactly
    /// what was typed.
    @Test(arguments: TestDatabase.allCases)
    func matrixRoundTrip(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let sql = try app.sql()
            let rec = try await recommendationID(app, paragraph: "108.42")
            let group = try await justiceGroupID(app)
            let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
            var fields = PlanEntryFields()
            fields.goal = "Comprehensive anti-discrimination law in force"
            fields.indicators = "Law adopted; number of complaints handled by the NHRCM per year"
            fields.leadOrganisationID = ministry
            _ = try await PlanStore(sql).create(
                recommendationID: rec, workingGroupID: group, fields: fields, userID: nil, actor: "test")
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let export = try await cso.get(app, "/plan/export.xlsx?state=Mongolia")
            #expect(export.status == .ok)
            let document = try ImplementationMatrix.read(Data(buffer: export.body), fileName: "plan.xlsx")
            #expect(document.rows.count == 131)
            let row = try #require(document.rows.first { $0.recNumber == "108.42" })
            #expect(row.goal == fields.goal)
            #expect(row.responsibleBody == "Ministry of Justice and Home Affairs")
            let same = try await MatrixTransfer.plan(document, state: "Mongolia", actor: nil, on: sql)
            #expect(same.changes.isEmpty)
            #expect(same.errors.isEmpty)

            var filled = document
            let index = try #require(filled.rows.firstIndex { $0.recNumber == "108.103" })
            filled.rows[index].goal = "Revised Law against Domestic Violence adopted"
            filled.rows[index].responsibleBody = "Ministry of Justice"  // the ministry's former name still resolves
            let csv = ImplementationMatrix.csv(filled)
            let reread = try ImplementationMatrix.read(Data(csv.utf8), fileName: "plan.csv")
            let plan = try await MatrixTransfer.plan(reread, state: "Mongolia", actor: nil, on: sql)
            #expect(plan.errors.isEmpty)
            #expect(plan.changes.count == 1)
            #expect(plan.changes.first?.entryID == nil)
            _ = try await MatrixTransfer.apply(plan, userID: nil, actor: "test", on: sql)
            let entry = try #require(
                try await PlanStore(sql).entry(recommendationID: try await recommendationID(app, paragraph: "108.103")))
            #expect(entry.fields.goal == "Revised Law against Domestic Violence adopted")
            #expect(entry.fields.leadOrganisationID == ministry)
            let again = try await MatrixTransfer.plan(reread, state: "Mongolia", actor: nil, on: sql)
            #expect(again.changes.isEmpty)

            var broken = filled
            broken.rows[index].recNumber = "999.999"
            let errors = try await MatrixTransfer.plan(broken, state: "Mongolia", actor: nil, on: sql).errors
            #expect(errors.map(\.messageKey) == ["matrix.error.notFound"])
        }
    }
}
