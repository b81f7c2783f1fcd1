import Foundation
import Testing
import UPRDomain
import UPRSecurity
import UPRStore
import UPRWeb
import VaporTesting

/// Every mutating route against every kind of person: only the allowed ones get through, the others get 401
/// (public) or 403, and nothing is written for them.
@Suite struct PermissionTests {
    enum Person: String, CaseIterable, Sendable {
        case anonymous, otherGroupCSO, groupCSO, otherFocalPoint, responsibleFocalPoint, observer, administrator

        var email: String? {
            switch self {
            case .anonymous: nil
            case .otherGroupCSO: "other-cso@test.upr"
            case .groupCSO: "cso@demo.upr"
            case .otherFocalPoint: "other-focal@test.upr"
            case .responsibleFocalPoint: "focal@demo.upr"
            case .observer: "observer@demo.upr"
            case .administrator: "admin@demo.upr"
            }
        }
    }

    struct Route: Sendable {
        var name: String
        var allowed: Set<Person>
        /// The path and form fields, given the fixture's ids.
        var request: @Sendable (Fixture) -> (String, [(String, String)])
    }

    struct Fixture: Sendable {
        var recommendation: Int
        var recommendationVersion: Int
        var freeRecommendation: Int
        var entry: Int
        var version: Int
        var group: Int
        var groupVersion: Int
        var ministry: Int
        var user: Int
        var round: Int
        var roundVersion: Int
        var indicator: Int
        var measurement: Int
        var meeting: Int
        var meetingVersion: Int
        var agendaItem: Int
        var actionItem: Int
        var actionItemVersion: Int
        var agreement: Int
        var state: Int
        var comment: Int
        /// The CEDAW's recommendation to Mongolia that the entry's may be linked with.
        var otherMechanism: Int
    }

    static let routes: [Route] = [
        Route(name: "draft a plan entry", allowed: [.groupCSO, .administrator]) {
            (
                "/recommendations/\($0.freeRecommendation)/plan",
                [("workingGroupID", String($0.group)), ("goal", "g"), ("version", "0")]
            )
        },
        Route(name: "edit a plan entry", allowed: [.groupCSO, .administrator]) {
            ("/recommendations/\($0.recommendation)/plan", [("goal", "edited"), ("version", String($0.version))])
        },
        Route(name: "answer a plan entry", allowed: [.responsibleFocalPoint, .administrator]) {
            ("/plan/entries/\($0.entry)/answer", [("answer", "agree"), ("version", String($0.version))])
        },
        Route(name: "accept another mechanism's recommendation", allowed: [.groupCSO, .administrator]) {
            (
                "/plan/entries/\($0.entry)/mechanisms",
                [
                    ("recommendationID", String($0.otherMechanism)), ("decision", "accepted"),
                    ("version", String($0.version)),
                ]
            )
        },
        Route(name: "publish a plan entry", allowed: [.groupCSO, .administrator]) {
            ("/plan/entries/\($0.entry)/publish", [("version", String($0.version))])
        },
        Route(
            name: "review labels",
            allowed: [.groupCSO, .otherGroupCSO, .responsibleFocalPoint, .otherFocalPoint, .administrator]
        ) {
            (
                "/recommendations/\($0.recommendation)/labels",
                [("change", "add"), ("issue", "justice"), ("version", String($0.recommendationVersion))]
            )
        },
        Route(name: "change a response", allowed: [.administrator]) {
            (
                "/recommendations/\($0.recommendation)/response",
                [("response", "noted"), ("effectiveDate", "2017-01-01"), ("source", "test"), ("version", "1")]
            )
        },
        Route(name: "create an organisation", allowed: [.administrator]) { _ in
            ("/admin/organisations", [("name", "New NGO"), ("kind", "cso")])
        },
        Route(name: "edit a working group", allowed: [.administrator]) {
            ("/admin/working-groups/\($0.group)", [("name", "Justice group"), ("version", String($0.groupVersion))])
        },
        Route(name: "create an account", allowed: [.administrator]) { _ in
            (
                "/admin/users",
                [
                    ("email", "new@test.upr"), ("name", "New"), ("role", "observer"),
                    ("password", "long enough passphrase 42"),
                ]
            )
        },
        Route(name: "issue a reset link", allowed: [.administrator]) { ("/admin/users/\($0.user)/reset", []) },
        Route(name: "open an assessment round", allowed: [.administrator]) { _ in
            ("/assessments", [("title", "Annual assessment 2019"), ("state", "Mongolia"), ("heldOn", "2019-12-01")])
        },
        Route(
            name: "record an assessment",
            allowed: [.groupCSO, .otherGroupCSO, .responsibleFocalPoint, .otherFocalPoint, .administrator]
        ) {
            (
                "/assessments/\($0.round)/recommendations/\($0.recommendation)",
                [("status", "partial"), ("justification", "Bill drafted."), ("version", "0")]
            )
        },
        Route(name: "close an assessment round", allowed: [.administrator]) {
            ("/assessments/\($0.round)/close", [("version", String($0.roundVersion))])
        },
        // Indicators: the government focal points, and the CSO members of the group whose entry it tracks, create;
        // the responsible ministry edits and measures, so does its data partner (the observer's UN office); only
        // the administrator reviews.
        Route(
            name: "create an indicator",
            allowed: [.groupCSO, .responsibleFocalPoint, .otherFocalPoint, .administrator]
        ) {
            (
                "/indicators",
                [("title", "Cases decided"), ("kind", "outcome"), ("planEntries", String($0.entry)), ("version", "0")]
            )
        },
        Route(name: "edit an indicator", allowed: [.responsibleFocalPoint, .administrator]) {
            (
                "/indicators/\($0.indicator)",
                [
                    ("title", "Cases decided"), ("kind", "process"), ("responsibleOrganisationID", String($0.ministry)),
                    ("version", "1"),
                ]
            )
        },
        Route(name: "enter a measurement", allowed: [.responsibleFocalPoint, .observer, .administrator]) {
            ("/indicators/\($0.indicator)/measurements", [("value", "12"), ("date", "2019-12-31")])
        },
        Route(name: "review a measurement", allowed: [.administrator]) {
            ("/measurements/\($0.measurement)/review", [("decision", "accepted"), ("version", "1")])
        },
        Route(name: "schedule a meeting", allowed: [.groupCSO, .administrator]) {
            ("/meetings", Self.meetingFields($0) + [("version", "0")])
        },
        Route(name: "edit a meeting", allowed: [.groupCSO, .administrator]) {
            ("/meetings/\($0.meeting)/edit", Self.meetingFields($0) + [("version", String($0.meetingVersion))])
        },
        Route(name: "hold a meeting", allowed: [.groupCSO, .administrator]) {
            ("/meetings/\($0.meeting)/status", [("status", "held"), ("version", String($0.meetingVersion))])
        },
        Route(name: "add an agenda item", allowed: [.groupCSO, .administrator]) {
            ("/meetings/\($0.meeting)/agenda", [("title", "Item"), ("version", String($0.meetingVersion))])
        },
        Route(name: "reorder the agenda", allowed: [.groupCSO, .administrator]) {
            (
                "/meetings/\($0.meeting)/agenda/\($0.agendaItem)/move",
                [("direction", "up"), ("version", String($0.meetingVersion))]
            )
        },
        Route(name: "record a decision", allowed: [.groupCSO, .administrator]) {
            ("/meetings/\($0.meeting)/decision", [("text", "Decided"), ("version", String($0.meetingVersion))])
        },
        Route(name: "assign an action item", allowed: [.groupCSO, .administrator]) {
            (
                "/meetings/\($0.meeting)/action",
                [
                    ("actionTitle", "Do"), ("ownerOrganisationID", String($0.ministry)),
                    ("version", String($0.meetingVersion)),
                ]
            )
        },
        Route(name: "record minutes", allowed: [.groupCSO, .administrator]) {
            ("/meetings/\($0.meeting)/minutes", [("minutes", "Notes"), ("version", String($0.meetingVersion))])
        },
        Route(name: "update an action item", allowed: [.groupCSO, .responsibleFocalPoint, .administrator]) {
            ("/action-items/\($0.actionItem)/status", [("status", "done"), ("version", String($0.actionItemVersion))])
        },
        Route(name: "record an agreement", allowed: [.administrator]) {
            ("/agreements", [("title", "Letter of intent"), ("signatoryIDs[]", String($0.ministry))])
        },
        Route(name: "add a commitment", allowed: [.administrator]) {
            (
                "/agreements/\($0.agreement)/commitments",
                [("actionTitle", "Meet once a year"), ("ownerOrganisationID", String($0.ministry)), ("version", "1")]
            )
        },
        // Following changes only what the person is told: every account may, the public may not.
        Route(name: "follow a recommendation", allowed: Self.everyAccount) {
            ("/subscriptions", [("subject", "recommendation"), ("key", String($0.recommendation))])
        },
        Route(name: "stop following a state", allowed: Self.everyAccount) {
            ("/subscriptions/remove", [("subject", "state"), ("key", String($0.state))])
        },
        Route(name: "choose a mail digest", allowed: Self.everyAccount) { _ in
            ("/account/digest", [("digest", "daily")])
        },
        // The discussion (the fixture's entry is a draft, so its thread is members-only): every account comments;
        // only the responsible ministry's focal point (or the secretariat) answers formally; only the secretariat
        // hides.
        Route(name: "post a comment", allowed: Self.everyAccount) {
            ("/recommendations/\($0.recommendation)/comments", [("body", "A proposal."), ("visibility", "public")])
        },
        Route(name: "answer a proposal formally", allowed: [.responsibleFocalPoint, .administrator]) {
            (
                "/plan/entries/\($0.entry)/comments",
                [("body", "Agreed."), ("visibility", "members"), ("parentID", String($0.comment)), ("formal", "1")]
            )
        },
        Route(name: "hide a comment", allowed: [.administrator]) {
            ("/comments/\($0.comment)/hide", [("reason", "Off topic"), ("version", "1")])
        },
    ]

    static let everyAccount: Set<Person> = Set(Person.allCases).subtracting([.anonymous])

    static func meetingFields(_ fixture: Fixture) -> [(String, String)] {
        [
            ("kind", "working-group"), ("title", "Justice group meeting"), ("workingGroupID", String(fixture.group)),
            ("startsLocal", "2026-12-10T10:00"), ("endsLocal", "2026-12-10T12:00"), ("timeZone", "Asia/Ulaanbaatar"),
        ]
    }

    @Test(arguments: TestDatabase.allCases)
    func everyMutatingRouteForEveryPerson(_ database: TestDatabase) async throws {
        for route in Self.routes {
            // The refused people share one database (a refusal writes nothing, which each case checks), and the
            // first allowed person writes after them; every further allowed person gets a fresh database, since an
            // allowed write changes what the next case would see. Seeding the demo is most of this test's time.
            let refused = Person.allCases.filter { !route.allowed.contains($0) }
            let allowed = Person.allCases.filter { route.allowed.contains($0) }
            var groups = [refused + allowed.prefix(1)] + allowed.dropFirst().map { [$0] }
            groups.removeAll { $0.isEmpty }
            for people in groups {
                try await withApp(database, demo: true) { app in
                    try await addTestAccounts(app)
                    let fixture = try await makeFixture(app)
                    for person in people { try await attempt(route, as: person, fixture: fixture, app) }
                }
            }
        }
    }

    func attempt(_ route: Route, as person: Person, fixture: Fixture, _ app: Application) async throws {
        let browser =
            if let email = person.email { try await Browser.signIn(app, email: email) } else { Browser.anonymous }
        let before = try await snapshotAll(app)
        let (path, fields) = route.request(fixture)
        let response = try await browser.post(app, path, fields)
        if route.allowed.contains(person) {
            #expect(response.status.code < 400, "\(route.name) by \(person.rawValue): \(response.status)")
            #expect(try await snapshotAll(app) != before, "\(route.name) by \(person.rawValue) wrote nothing")
        } else {
            let expected: HTTPStatus = person == .anonymous ? .unauthorized : .forbidden
            #expect(response.status == expected, "\(route.name) by \(person.rawValue): \(response.status)")
            #expect(try await snapshotAll(app) == before, "\(route.name) by \(person.rawValue) wrote")
        }
    }

    func makeFixture(_ app: Application) async throws -> Fixture {
        let sql = try app.sql()
        let recommendation = try await recommendationID(app, paragraph: "108.42")
        let free = try await recommendationID(app, paragraph: "108.103")
        let group = try await justiceGroupID(app)
        let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
        var fields = PlanEntryFields()
        fields.goal = "Anti-discrimination law"
        fields.leadOrganisationID = ministry
        let entry = try await PlanStore(sql).create(
            recommendationID: recommendation, workingGroupID: group, fields: fields, userID: nil, actor: "test")
        let version = try #require(try await PlanStore(sql).entry(id: entry)).version
        let user = try #require(try await AccountStore(sql).user(email: "observer@demo.upr")).id
        let groupVersion = try #require(try await OrganisationStore(sql).workingGroups().first { $0.id == group })
            .version
        let recommendationVersion = try await sql.raw(
            "SELECT version FROM recommendations WHERE id = \(bind: recommendation)"
        ).first()!.decode(column: "version", as: Int.self)
        // A justice-group meeting with two agenda items and an action item owned by the ministry's focal point.
        let meetings = MeetingStore(sql)
        var meetingFields = MeetingFields()
        meetingFields.title = "Justice group"
        meetingFields.workingGroupID = group
        meetingFields.startsLocal = "2026-12-01T10:00"
        meetingFields.endsLocal = "2026-12-01T12:00"
        let meeting = try await meetings.create(meetingFields, userID: nil, actor: "test")
        var item = AgendaItemFields()
        item.title = "First"
        _ = try await meetings.addAgendaItem(meeting, version: 1, item, actor: "test")
        item.title = "Second"
        let second = try await meetings.addAgendaItem(meeting, version: 2, item, actor: "test")
        var action = ActionItemFields()
        action.title = "Draft the bill"
        action.ownerUserID = try #require(try await AccountStore(sql).user(email: "focal@demo.upr")).id
        let actionItem = try await meetings.addActionItem(meeting, version: 3, action, actor: "test")
        let agreement = try await AgreementStore(sql).create(
            title: "Letter of intent", text: "", signedOn: "2015-10-15", signatoryIDs: [ministry], actor: "test")
        let indicator = try await IndicatorStore(sql).create(
            IndicatorFixture.fields(
                ministry: ministry, partner: try await organisationID(app, "UN Resident Coordinator's Office"),
                entry: entry), userID: nil, actor: "test")
        let valid = try MeasurementInput(value: "11", date: "2018-12-31", unit: "")
            .validate(indicatorUnit: "decisions", dimensions: [], today: CalendarDay("2026-01-01")!).get()
        let measurement = try await MeasurementStore(sql).add(
            indicatorID: indicator, valid, evidence: nil, userID: nil, actor: "test")
        let round = try #require(try await AssessmentStore(sql).rounds().first { $0.status == .open })
        // Everyone follows Mongolia, so that each can stop following it.
        let state = try await sql.raw("SELECT id FROM states WHERE name = 'Mongolia'").first()!
            .decode(column: "id", as: Int.self)
        for person in Person.allCases {
            guard let email = person.email, let account = try await AccountStore(sql).user(email: email) else {
                continue
            }
            try await SubscriptionStore(sql).subscribe(userID: account.id, .state, key: String(state), actor: "test")
        }
        let cso = try #require(try await AccountStore(sql).user(email: "cso@demo.upr"))
        let comment = try await CommentStore(sql).post(
            CommentDraft(
                subject: CommentSubject(.planEntry, entry), body: "Proposal of the working group.",
                visibility: .members,
                author: Principal(userID: cso.id, role: cso.role, organisationID: cso.organisationID)), actor: "test"
        ).id
        _ = try await RecordWriter.write([OtherMechanismsTests.treatyBodyBatch()], actor: "test", on: app.db)
        let otherMechanism = try await sql.raw(
            """
            SELECT r.id FROM recommendations r JOIN states s ON s.id = r.state_id
            WHERE s.name = 'Mongolia' AND r.mechanism = 'cedaw'
            """
        ).first()!.decode(column: "id", as: Int.self)
        return Fixture(
            recommendation: recommendation, recommendationVersion: recommendationVersion, freeRecommendation: free,
            entry: entry, version: version, group: group,
            groupVersion: groupVersion, ministry: ministry, user: user, round: round.id, roundVersion: round.version,
            indicator: indicator, measurement: measurement, meeting: meeting, meetingVersion: 4,
            agendaItem: second, actionItem: actionItem, actionItemVersion: 1, agreement: agreement, state: state,
            comment: comment, otherMechanism: otherMechanism)
    }

    /// Row counts and versions of everything a route could change (the audit log included).
    func snapshotAll(_ app: Application) async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for table in [
            "plan_entries", "organisations", "users", "password_resets", "response_events", "audit_log",
            "working_group_members", "assessment_rounds", "assessments", "indicators", "measurements", "meetings",
            "agenda_items", "decisions", "action_items", "notifications", "meeting_organisations", "agreements",
            "agreement_signatories", "subscriptions", "comments", "comment_mentions", "plan_entry_mechanisms",
        ] {
            out[table] = try await app.count(table)
        }
        for table in [
            "plan_entries", "recommendations", "working_groups", "organisations", "assessment_rounds", "assessments",
            "indicators", "measurements", "meetings", "action_items", "comments",
        ] {
            out[table + ".versions"] = try await app.sql().raw(
                "SELECT COALESCE(SUM(version), 0) AS n FROM \(unsafeRaw: table)"
            ).first()!.decode(column: "n", as: Int.self)
        }
        return out
    }
}

/// Signing in: wrong passwords are throttled per account across instances; two-step codes work once.
@Suite struct SignInTests {
    func signIn(_ app: Application, email: String, password: String, cookie: String) async throws -> TestingHTTPResponse
    {
        let browser = Browser(cookie: cookie, csrf: String(cookie.split(separator: "=")[1]))
        return try await browser.post(app, "/login", [("email", email), ("password", password), ("return", "/plan")])
    }

    @Test(arguments: TestDatabase.allCases)
    func throttlingAfterFiveFailures(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let cookie = Browser.anonymous.cookie
            let good = try await signIn(app, email: "cso@demo.upr", password: "upr-demo-2015", cookie: cookie)
            #expect(good.status == .seeOther)
            #expect(good.headers.first(name: .location) == "/plan")
            #expect(good.headers.setCookie?["upr_session"]?.isHTTPOnly == true)
            for _ in 0..<5 {
                let bad = try await signIn(app, email: "cso@demo.upr", password: "wrong password", cookie: cookie)
                #expect(bad.status == .unauthorized)
                #expect(bad.body.string.contains("The email address or the password is not right."))
            }
            // Now even the right password waits: the lock is in the database, so every instance sees it.
            let locked = try await signIn(app, email: "cso@demo.upr", password: "upr-demo-2015", cookie: cookie)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.body.string.contains("Too many attempts"))
            #expect(try await app.count("login_failures") == 5)
            #expect(try await app.count("audit_log", where: "WHERE action = 'login-failed'") == 5)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func twoStepSignIn(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let store = AccountStore(try app.sql())
            let user = try #require(try await store.user(email: "focal@demo.upr"))
            let secret = TOTP.generateSecret()
            try await store.setTOTP(user.id, secret: Base32.encode(secret), enabled: true, actor: "test")
            let cookie = Browser.anonymous.cookie
            let first = try await signIn(app, email: "focal@demo.upr", password: "upr-demo-2015", cookie: cookie)
            #expect(first.status == .seeOther)
            #expect(first.headers.first(name: .location)?.hasPrefix("/login/code") == true)
            let session = try #require(first.headers.setCookie?["upr_session"]?.string)
            // Until the code is given, the session is not signed in.
            let pending = Browser(cookie: "upr_session=\(session)", csrf: "")
            #expect(try await pending.get(app, "/account").status == .seeOther)
            let csrf = try #require(
                try await app.sql().raw("SELECT csrf_token FROM sessions").first()?.decode(
                    column: "csrf_token", as: String.self))
            let browser = Browser(cookie: "upr_session=\(session)", csrf: csrf)
            let wrong = try await browser.post(app, "/login/code", [("code", "000000"), ("return", "/plan")])
            #expect(wrong.status == .unauthorized)
            let signedAt = Date()
            let code = TOTP(secret: secret).code(at: signedAt)
            let right = try await browser.post(app, "/login/code", [("code", code), ("return", "/plan")])
            #expect(right.status == .seeOther)
            #expect(right.headers.first(name: .location) == "/plan")
            #expect(try await browser.get(app, "/account").status == .ok)
            // The same code cannot be used again (its own time step: the clock may have moved on since).
            #expect(
                try await store.acceptTOTPCounter(user.id, counter: TOTP(secret: secret).counter(at: signedAt))
                    == false)
        }
    }
}
