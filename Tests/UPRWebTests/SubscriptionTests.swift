import Foundation
import Testing
import UPRDomain
import UPRLocalization
import UPRStore
import UPRWeb
import VaporTesting

/// Following recommendations, clusters, ministries and states, and the fan-out of events into the followers' inboxes.
@Suite struct SubscriptionTests {
    func userID(_ app: Application, _ email: String) async throws -> Int {
        try #require(try await AccountStore(try app.sql()).user(email: email)).id
    }

    /// How many notices of `kind` each of these people has.
    func notices(_ app: Application, _ kind: NotificationStore.Kind, _ emails: [String]) async throws -> [String: Int] {
        var out: [String: Int] = [:]
        for email in emails {
            let id = try await userID(app, email)
            out[email] = try await app.count(
                "notifications", where: "WHERE kind = '\(kind.rawValue)' AND recipient_user_id = \(id)")
        }
        return out
    }

    /// A follow button sends the person back to a page of this site only: a crafted `return` naming another site
    /// (`//host`, `/\host`) lands on the list instead.
    @Test(arguments: TestDatabase.allCases)
    func followGoesBackToThisSiteOnly(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let rec = try await recommendationID(app, paragraph: "108.103")
            let observer = try await Browser.signIn(app, email: "observer@demo.upr")
            for (target, expected) in [
                ("/recommendations/\(rec)?lang=mn", "/recommendations/\(rec)?lang=mn"),
                ("//evil.example/", "/account/subscriptions"), ("/\\evil.example", "/account/subscriptions"),
                ("https://evil.example/", "/account/subscriptions"),
            ] {
                let response = try await observer.post(
                    app, "/subscriptions", [("subject", "recommendation"), ("key", String(rec)), ("return", target)])
                #expect(response.status == .seeOther)
                #expect(response.headers.first(name: .location) == expected, "\(target)")
            }
        }
    }

    /// A comment on a followed recommendation reaches its followers once: not its author, and not someone it
    /// already told (a person it mentions hears of the mention only). Every kind of notice has a heading for the
    /// digest in both languages.
    @Test(arguments: TestDatabase.allCases)
    func commentsReachFollowers(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let sql = try app.sql()
            let recommendation = try await recommendationID(app, paragraph: "108.103")
            let store = SubscriptionStore(sql)
            for email in ["observer@demo.upr", "focal@demo.upr", "cso@demo.upr"] {
                #expect(
                    try await store.subscribe(
                        userID: try await userID(app, email), .recommendation, key: String(recommendation),
                        actor: "test"))
            }
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let posted = try await cso.post(
                app, "/recommendations/\(recommendation)/comments",
                [("body", "We propose a hearing on this with @focal@demo.upr in March."), ("visibility", "public")])
            #expect(posted.status == .seeOther, "\(posted.body.string)")
            let people = ["observer@demo.upr", "focal@demo.upr", "cso@demo.upr", "admin@demo.upr"]
            #expect(
                try await notices(app, .commentPosted, people)
                    == ["observer@demo.upr": 1, "focal@demo.upr": 0, "cso@demo.upr": 0, "admin@demo.upr": 0])
            #expect(try await notices(app, .mentioned, ["focal@demo.upr"]) == ["focal@demo.upr": 1])
            let observer = try await Browser.signIn(app, email: "observer@demo.upr")
            let inbox = try await observer.get(app, "/inbox").body.string
            #expect(inbox.contains("CSO member (Mongolian NGO Human Rights Forum) wrote in the discussion of"))
            #expect(inbox.contains("href=\"/comments/"))

            for kind in NotificationStore.Kind.allCases {
                for language in Language.allCases {
                    let heading = Translator(language)("notification.kind.\(kind.rawValue)")
                    #expect(heading != "notification.kind.\(kind.rawValue)", "\(kind) has no heading in \(language)")
                }
            }
        }
    }

    /// A plan entry of 108.42 drafted and then published by the justice group's CSO member: the followers of the
    /// recommendation, of its cluster, of the lead ministry and of Mongolia each get one notice per event; someone
    /// following it three ways gets one; the actor (who follows it too) and a non-follower get none.
    @Test(arguments: TestDatabase.allCases)
    func fanOutReachesEachFollowerOnce(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            try await addTestAccounts(app)
            let sql = try app.sql()
            let recommendation = try await recommendationID(app, paragraph: "108.42")
            let ministry = try await organisationID(app, "Ministry of Justice and Home Affairs")
            // 108.42 carries no cluster label: its cluster is that of the working group drafting its entry.
            let cluster = Cluster.justice.rawValue
            let state = try #require(
                try await sql.raw("SELECT id FROM states WHERE name = 'Mongolia'").first()?.decode(
                    column: "id", as: Int.self))
            let store = SubscriptionStore(sql)
            let follows: [(String, SubscriptionSubject, String)] = [
                ("observer@demo.upr", .recommendation, String(recommendation)),
                ("other-cso@test.upr", .cluster, cluster),
                ("other-focal@test.upr", .organisation, String(ministry)),
                ("admin@demo.upr", .state, String(state)),
                ("admin@demo.upr", .recommendation, String(recommendation)),
                ("admin@demo.upr", .cluster, cluster),
                ("cso@demo.upr", .recommendation, String(recommendation)),
            ]
            for (email, subject, key) in follows {
                #expect(
                    try await store.subscribe(userID: try await userID(app, email), subject, key: key, actor: "test"))
            }
            // Following twice changes nothing.
            #expect(
                try await store.subscribe(
                    userID: try await userID(app, "admin@demo.upr"), .state, key: String(state), actor: "test") == false
            )

            let everyone = [
                "observer@demo.upr", "other-cso@test.upr", "other-focal@test.upr", "admin@demo.upr", "cso@demo.upr",
                "focal@demo.upr",
            ]
            let before = try await notices(app, .planChanged, everyone)
            #expect(before.values.allSatisfy { $0 == 0 })
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let drafted = try await cso.post(
                app, "/recommendations/\(recommendation)/plan",
                [
                    ("workingGroupID", String(try await justiceGroupID(app))), ("goal", "Anti-discrimination law"),
                    ("leadOrganisationID", String(ministry)), ("version", "0"),
                ])
            #expect(drafted.status == .seeOther)
            let once = try await notices(app, .planChanged, everyone)
            #expect(
                once == [
                    "observer@demo.upr": 1, "other-cso@test.upr": 1, "other-focal@test.upr": 1, "admin@demo.upr": 1,
                    "cso@demo.upr": 0, "focal@demo.upr": 0,
                ])
            let entry = try #require(try await PlanStore(sql).entry(recommendationID: recommendation))
            let published = try await cso.post(app, "/plan/entries/\(entry.id)/publish", [("version", "1")])
            #expect(published.status == .seeOther)
            let twice = try await notices(app, .planChanged, everyone)
            #expect(twice["observer@demo.upr"] == 2 && twice["admin@demo.upr"] == 2 && twice["cso@demo.upr"] == 0)

            // The notice reads in the inbox, linked to the entry.
            let inbox = try await Browser.signIn(app, email: "observer@demo.upr").get(app, "/inbox")
            #expect(inbox.body.string.contains("Plan entry published for Mongolia 108.42"))
            #expect(inbox.body.string.contains("/plan/entries/\(entry.id)"))

            // The ministry answers: its own focal point is not told, the others are.
            let answered = try await Browser.signIn(app, email: "focal@demo.upr").post(
                app, "/plan/entries/\(entry.id)/answer", [("answer", "agree"), ("version", "2")])
            #expect(answered.status == .seeOther)
            #expect(
                try await notices(app, .planChanged, ["focal@demo.upr", "other-focal@test.upr"]) == [
                    "focal@demo.upr": 0, "other-focal@test.upr": 3,
                ])

            // A response change by the secretariat reaches the followers, not the secretariat.
            let version = try await sql.raw("SELECT version FROM recommendations WHERE id = \(bind: recommendation)")
                .first()!.decode(column: "version", as: Int.self)
            try await ResponseChange.record(
                recommendationID: recommendation, version: version, response: .supported, effectiveDate: "2017-01-01",
                source: "Mid-term report", note: "", actor: "test",
                actorUserID: try await userID(app, "admin@demo.upr"),
                on: sql)
            #expect(
                try await notices(app, .responseChanged, ["observer@demo.upr", "admin@demo.upr", "other-cso@test.upr"])
                    == ["observer@demo.upr": 1, "admin@demo.upr": 0, "other-cso@test.upr": 1])

            // An account that is switched off hears nothing more.
            try await sql.raw("UPDATE users SET active = 0 WHERE email = 'observer@demo.upr'").run()
            let told = try await store.fanOut(
                recommendationIDs: [recommendation], kind: .planChanged, textKey: "notification.planEdited",
                arguments: ["recommendation": "x"], excludingUserID: nil)
            #expect(!told.contains(try await userID(app, "observer@demo.upr")))
            #expect(told.contains(try await userID(app, "cso@demo.upr")))
        }
    }

    /// A measurement accepted for an indicator linked to the recommendation's plan entry, and an assessment of it,
    /// reach its followers.
    @Test(arguments: TestDatabase.allCases)
    func measurementsAndAssessmentsReachFollowers(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let sql = try app.sql()
            let fixture = try await IndicatorFixture.make(app)
            let recommendation = try await recommendationID(app, paragraph: "108.42")
            let observer = try await userID(app, "observer@demo.upr")
            try await SubscriptionStore(sql).subscribe(
                userID: observer, .organisation, key: String(fixture.ministry), actor: "test")
            let valid = try MeasurementInput(value: "11", date: "2018-12-31", unit: "")
                .validate(indicatorUnit: "decisions", dimensions: [], today: CalendarDay("2026-01-01")!).get()
            let measurements = MeasurementStore(sql)
            let measurement = try await measurements.add(
                indicatorID: fixture.indicator, valid, evidence: nil, userID: nil, actor: "test")
            #expect(try await notices(app, .measurementAccepted, ["observer@demo.upr"]) == ["observer@demo.upr": 0])
            let admin = try await userID(app, "admin@demo.upr")
            try await measurements.review(
                measurement, version: 1, decision: .accepted, comment: "", userID: admin, actor: "test")
            #expect(try await notices(app, .measurementAccepted, ["observer@demo.upr"]) == ["observer@demo.upr": 1])
            let notice = try #require(try await NotificationStore(sql).inbox(userID: observer).first)
            #expect(notice.subjectKind == .indicator && notice.subjectID == fixture.indicator)

            let round = try #require(try await AssessmentStore(sql).rounds().first { $0.status == .open })
            let input = AssessmentInput(status: .partial, justification: "Bill drafted.", evidenceURL: "")
            try await AssessmentStore(sql).save(
                round: round.id, recommendation: recommendation, organisationID: fixture.ministry, input: input,
                version: 0, userID: admin, actor: "test")
            #expect(try await notices(app, .assessmentRecorded, ["observer@demo.upr"]) == ["observer@demo.upr": 1])
        }
    }

    /// The buttons: anyone signed in follows and stops following from the page, the list shows it, the digest choice
    /// is saved; the public sees a sign-in link; a bad subject is refused naming the field.
    @Test(arguments: TestDatabase.allCases)
    func followFromThePages(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let recommendation = try await recommendationID(app, paragraph: "108.42")
            let page = "/recommendations/\(recommendation)"
            let anonymous = try await Browser.anonymous.get(app, page)
            #expect(anonymous.body.string.contains("Sign in to follow this"))
            let observer = try await Browser.signIn(app, email: "observer@demo.upr")
            let before = try await observer.get(app, page).body.string
            #expect(before.contains("action=\"/subscriptions\"") && before.contains(">Follow "))
            let followed = try await observer.post(
                app, "/subscriptions",
                [("subject", "recommendation"), ("key", String(recommendation)), ("return", page)])
            #expect(followed.status == .seeOther)
            #expect(followed.headers.first(name: .location) == page)
            #expect(try await app.count("subscriptions") == 1)
            #expect(try await app.count("audit_log", where: "WHERE action = 'subscribe'") == 1)
            #expect(try await observer.get(app, page).body.string.contains("Stop following"))
            let list = try await observer.get(app, "/account/subscriptions")
            #expect(list.status == .ok)
            #expect(list.body.string.contains("href=\"\(page)\""))

            // Every other kind of page has its button.
            for path in [
                "/states/Mongolia", "/taxonomies/cluster",
                "/plan?organisation=\(try await organisationID(app, "Ministry of Justice and Home Affairs"))",
            ] {
                let body = try await observer.get(app, path).body.string
                #expect(body.contains("action=\"/subscriptions\""), "\(path)")
            }
            #expect(
                try await observer.post(app, "/subscriptions", [("subject", "cluster"), ("key", "women")]).status
                    == .seeOther)
            let cluster = try await observer.get(app, "/taxonomies/cluster").body.string
            #expect(cluster.contains("action=\"/subscriptions/remove\""))

            // Following a ministry from its plan view comes back to that view; the public's link keeps it too.
            let ministryPlan =
                "/plan?organisation=\(try await organisationID(app, "Ministry of Justice and Home Affairs"))"
            let planPage = try await observer.get(app, ministryPlan).body.string
            #expect(planPage.contains("name=\"return\" value=\"\(ministryPlan)\""))
            let publicPlan = try await Browser.anonymous.get(app, ministryPlan).body.string
            // Encoded like every sign-in link (the follow button had its own rule that left "/" as it was).
            #expect(publicPlan.contains("/login?return=%2Fplan%3Forganisation%3D"))
            let removed = try await observer.post(
                app, "/subscriptions/remove", [("subject", "recommendation"), ("key", String(recommendation))])
            #expect(removed.headers.first(name: .location) == "/account/subscriptions")
            #expect(try await app.count("subscriptions") == 1)
            #expect(try await app.count("audit_log", where: "WHERE action = 'unsubscribe'") == 1)

            let digest = try await observer.post(app, "/account/digest", [("digest", "weekly")])
            #expect(digest.status == .seeOther)
            #expect(
                try await SubscriptionStore(try app.sql()).digest(
                    userID: try await userID(app, "observer@demo.upr")) == .weekly)
            #expect(
                try await observer.get(app, "/account/subscriptions").body.string.contains("value=\"weekly\" checked"))

            let bad = try await observer.post(app, "/subscriptions", [("subject", "planet"), ("key", "1")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("(subject)"))
            let missing = try await observer.post(app, "/subscriptions", [("subject", "state"), ("key", "999999")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.string.contains("(key)"))
            let badDigest = try await observer.post(app, "/account/digest", [("digest", "hourly")])
            #expect(badDigest.status == .unprocessableEntity)
            #expect(badDigest.body.string.contains("(digest)"))
            let forged = try await observer.post(
                app, "/subscriptions", [("subject", "cluster"), ("key", "children")], csrf: false)
            #expect(forged.status == .forbidden)
            #expect(try await app.count("subscriptions") == 1)
        }
    }
}
