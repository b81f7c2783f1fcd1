import Foundation
import Testing
import UPRDomain
import UPRStore
import UPRWeb
import VaporTesting

/// Assessment rounds end to end: a round opened by the secretariat, each stakeholder's own assessment side by side,
/// disagreement said, closing as a snapshot, comparison of two rounds, conflicts and the audit trail.
@Suite struct AssessmentTests {
    func openRound(_ app: Application, title: String = "Annual assessment 2018") async throws -> Int {
        let admin = try await Browser.signIn(app, email: "admin@demo.upr")
        let created = try await admin.post(
            app, "/assessments", [("title", title), ("state", "Mongolia"), ("cycle", "2"), ("heldOn", "2018-12-12")])
        #expect(created.status == .seeOther)
        let location = try #require(created.headers.first(name: .location))
        return try #require(Int(location.split(separator: "/").last ?? ""))
    }

    @Test(arguments: TestDatabase.allCases)
    func stakeholdersAssessSideBySide(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let round = try await openRound(app)
            let rec = try await recommendationID(app, paragraph: "108.103")
            let path = "/assessments/\(round)/recommendations/\(rec)"
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let nhri = try await Browser.signIn(app, email: "nhri@demo.upr")
            // Seen before anyone assessed: the page is kept per registry version, and each save moves the version.
            let before = try await cso.get(app, "/assessments/\(round)?show=disagreements").body.string
            #expect(!before.contains("108.103"))
            let saved = try await focal.post(
                app, path,
                [
                    ("status", "full"), ("justification", "The revised Law against Domestic Violence was adopted."),
                    ("evidenceURL", "https://www.legalinfo.mn/law/details/12063"), ("version", "0"),
                ])
            #expect(saved.status == .seeOther)
            #expect(
                try await cso.post(
                    app, path,
                    [
                        ("status", "partial"), ("justification", "Shelters exist in two provinces only."),
                        ("version", "0"),
                    ]
                ).status == .seeOther)
            #expect(try await nhri.post(app, path, [("status", "no-data"), ("version", "0")]).status == .seeOther)

            let stored = try await AssessmentStore(try app.sql()).assessments(round: round, recommendation: rec)
            #expect(stored.map(\.perspective) == [.government, .nhri, .civilSociety])
            #expect(stored.map(\.status) == [.full, .noData, .partial])
            #expect(stored[0].organisationName == "Ministry of Justice and Home Affairs")

            let page = try await cso.get(app, path).body.string
            #expect(page.contains("Assessments differ"))
            #expect(page.contains("Shelters exist in two provinces only."))
            #expect(page.contains("https://www.legalinfo.mn/law/details/12063"))
            let roundPage = try await cso.get(app, "/assessments/\(round)?show=disagreements").body.string
            #expect(roundPage.contains("108.103"))
            #expect(!roundPage.contains("108.42"))
            #expect(roundPage.contains("1 of 2 recommendations"))

            // Each write is audited with its fields.
            let audited = try await app.count("audit_log", where: "WHERE entity = 'assessment' AND actor <> 'demo'")
            #expect(audited == 3)
            let history = try await AuditLog.history(entity: .assessment, id: stored[0].id, on: app.sql())
            #expect(history.first?.changes["status"] == AuditLog.FieldChange(before: nil, after: "full"))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func badInputIsRefusedAndNothingStored(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let round = try await openRound(app)
            let rec = try await recommendationID(app, paragraph: "108.103")
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let path = "/assessments/\(round)/recommendations/\(rec)"
            let cases: [([(String, String)], String)] = [
                ([("justification", "why"), ("version", "0")], "Choose"),
                ([("status", "partial"), ("justification", "  "), ("version", "0")], "a status needs a justification"),
                (
                    [
                        ("status", "full"), ("justification", "ok"), ("evidenceURL", "javascript:alert(1)"),
                        ("version", "0"),
                    ],
                    "starting with http:// or https://"
                ),
                ([("status", "bogus"), ("justification", "x"), ("version", "0")], "Choose"),
            ]
            for (fields, message) in cases {
                let response = try await cso.post(app, path, fields)
                #expect(response.status == .unprocessableEntity, "\(fields)")
                #expect(response.body.string.contains(message), "\(fields)")
            }
            #expect(try await app.count("assessments", where: "WHERE round_id = \(round)") == 0)
            // A recommendation outside the round (cycle 1, the round covers cycle 2) is not part of it.
            let outside = try await app.sql().raw(
                "SELECT id FROM recommendations WHERE cycle = 1 ORDER BY id LIMIT 1"
            ).first()!.decode(column: "id", as: Int.self)
            #expect(try await cso.get(app, "/assessments/\(round)/recommendations/\(outside)").status == .notFound)
            let refused = try await cso.post(
                app, "/assessments/\(round)/recommendations/\(outside)",
                [("status", "full"), ("justification", "x"), ("version", "0")])
            #expect(refused.status == .notFound)
            #expect(try await app.count("assessments", where: "WHERE round_id = \(round)") == 0)
            // A round with a date that is not one is refused with the field named.
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let badRound = try await admin.post(
                app, "/assessments", [("title", "X"), ("state", "Mongolia"), ("cycle", ""), ("heldOn", "2018-02-30")])
            #expect(badRound.status == .unprocessableEntity)
            #expect(badRound.body.string.contains("href=\"#f-heldOn\""))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func closedRoundIsASnapshot(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let round = try await openRound(app)
            let rec = try await recommendationID(app, paragraph: "108.42")
            let path = "/assessments/\(round)/recommendations/\(rec)"
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            let first = [("status", "partial"), ("justification", "Bill drafted."), ("version", "0")]
            #expect(try await focal.post(app, path, first).status == .seeOther)
            // The public does not see a round in progress.
            #expect(try await Browser.anonymous.get(app, "/assessments/\(round)").status == .notFound)
            #expect(!(try await Browser.anonymous.get(app, "/assessments").body.string.contains("2018")))

            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let version = try #require(try await AssessmentStore(try app.sql()).round(round)).version
            #expect(
                try await admin.post(app, "/assessments/\(round)/close", [("version", String(version))]).status
                    == .seeOther)

            let stored = try #require(
                try await AssessmentStore(try app.sql()).assessments(round: round, recommendation: rec).first)
            let again = try await focal.post(
                app, path, [("status", "full"), ("justification", "Adopted."), ("version", String(stored.version))])
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("This round is closed"))
            let after = try #require(
                try await AssessmentStore(try app.sql()).assessments(round: round, recommendation: rec).first)
            #expect(after.status == .partial && after.version == stored.version)
            // Closed, it is public.
            let publicPage = try await Browser.anonymous.get(app, path)
            #expect(publicPage.status == .ok)
            #expect(publicPage.body.string.contains("Bill drafted."))
            #expect(!publicPage.body.string.contains("name=\"justification\""))
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func twoPeopleOfOneOrganisationSaveAtOnce(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let round = try await openRound(app)
            let rec = try await recommendationID(app, paragraph: "108.103")
            let forum = try await organisationID(app, "Mongolian NGO Human Rights Forum")
            _ = try await AccountStore(try app.sql()).createUser(
                email: "cso2@test.upr", name: "Second CSO member", passwordHash: "x", role: .csoMember,
                organisationID: forum, actor: "test")
            let path = "/assessments/\(round)/recommendations/\(rec)"
            let one = try await Browser.signIn(app, email: "cso@demo.upr")
            let two = try await Browser.signIn(app, email: "cso2@test.upr")
            // Both opened the empty form (version 0); the first save wins, the second sees both versions.
            let won = try await one.post(
                app, path,
                [("status", "partial"), ("justification", "Services in the capital only."), ("version", "0")])
            #expect(won.status == .seeOther)
            let lost = try await two.post(
                app, path, [("status", "not-started"), ("justification", "Nothing has changed."), ("version", "0")])
            #expect(lost.status == .conflict)
            let html = lost.body.string
            #expect(html.contains("Services in the capital only."))
            #expect(html.contains("Nothing has changed."))
            let stored = try await AssessmentStore(try app.sql()).assessments(round: round, recommendation: rec)
            #expect(stored.count == 1)
            #expect(stored.first?.justification == "Services in the capital only.")
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func compareTwoRounds(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            // The demo has 2016 (closed) and 2017 (open). The counts on the page are the SQL's.
            let sql = try app.sql()
            let rounds = try await AssessmentStore(sql).rounds()
            let r2016 = try #require(rounds.first { $0.title == "Annual assessment 2016" })
            let r2017 = try #require(rounds.first { $0.title == "Annual assessment 2017" })
            #expect(r2016.status == .closed && r2017.status == .open)
            let comparison = try await RoundComparison.load(r2017, r2016, on: sql)
            #expect(comparison.earlier.id == r2016.id)
            let pairs = try await sql.raw(
                """
                SELECT a.status AS before, b.status AS after FROM assessments a JOIN assessments b
                ON b.recommendation_id = a.recommendation_id AND b.organisation_id = a.organisation_id
                WHERE a.round_id = \(bind: r2016.id) AND b.round_id = \(bind: r2017.id)
                """
            ).all()
            var forward = 0
            var same = 0
            for row in pairs {
                let before = ImplementationStatus(rawValue: try row.decode(column: "before", as: String.self))!
                let after = ImplementationStatus(rawValue: try row.decode(column: "after", as: String.self))!
                if before == after { same += 1 }
                if before != .noData && after != .noData && after.rank > before.rank { forward += 1 }
            }
            let dropped =
                try await app.count("assessments", where: "WHERE round_id = \(r2016.id)") - pairs.count
            #expect(comparison.movements[.forward] ?? 0 == forward)
            #expect(comparison.movements[.same] ?? 0 == same)
            #expect(comparison.movements[.dropped] ?? 0 == dropped)
            #expect(forward > 0 && dropped > 0)
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let page = try await cso.get(app, "/assessments/compare?from=\(r2016.id)&to=\(r2017.id)")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Moved forward"))
            #expect(page.body.string.contains("<dd>\(forward)</dd>"))
            // The public compares published (closed) rounds only.
            let hidden = try await Browser.anonymous.get(app, "/assessments/compare?from=\(r2016.id)&to=\(r2017.id)")
            #expect(hidden.status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.allCases)
    func pagesInMongolian(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let rounds = try await AssessmentStore(try app.sql()).rounds(closedOnly: true)
            let round = try #require(rounds.first)
            var headers = HTTPHeaders()
            headers.add(name: .acceptLanguage, value: "mn")
            var body = ""
            try await app.testing().test(.GET, "/assessments/\(round.id)", headers: headers) { body = $0.body.string }
            #expect(body.contains("Хэрэгжилтийн") || body.contains("Хэсэгчлэн хэрэгжсэн"))
            #expect(body.contains("Үнэлгээ"))
            #expect(body.utf8.count < 100_000)
        }
    }

    /// The letter of intent's annual assessment meeting opens the year's round from its own page: the form takes
    /// the meeting's title and day, the round and the meeting link to each other, and a meeting opens one round.
    @Test(arguments: TestDatabase.allCases)
    func annualAssessmentMeetingOpensARound(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            var fields = [
                ("kind", "annual-assessment"), ("title", "Annual assessment of UPR implementation 2019"),
                ("startsLocal", "2019-10-11T09:30"), ("endsLocal", "2019-10-11T17:00"),
                ("timeZone", "Asia/Ulaanbaatar"),
                ("place", "Government Palace"), ("isPublic", "1"), ("version", "0"),
            ]
            let scheduled = try await admin.post(app, "/meetings", fields)
            #expect(scheduled.status == .seeOther, "\(scheduled.body.string)")
            let meeting = try #require(Int(scheduled.headers.first(name: .location)?.split(separator: "/").last ?? ""))

            let meetingPage = try await admin.get(app, "/meetings/\(meeting)").body.string
            #expect(meetingPage.contains("/assessments/new?meeting=\(meeting)"))
            let form = try await admin.get(app, "/assessments/new?meeting=\(meeting)").body.string
            #expect(form.contains("value=\"Annual assessment of UPR implementation 2019\""))
            #expect(form.contains("value=\"2019-10-11\""))
            #expect(form.contains("name=\"meeting\" value=\"\(meeting)\""))
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            #expect(try await cso.get(app, "/assessments/new?meeting=\(meeting)").status == .forbidden)

            let round = [
                ("title", "Annual assessment 2019"), ("state", "Mongolia"), ("cycle", "2"), ("heldOn", "2019-10-11"),
                ("meeting", String(meeting)),
            ]
            let opened = try await admin.post(app, "/assessments", round)
            #expect(opened.status == .seeOther)
            let store = AssessmentStore(try app.sql())
            let stored = try #require(try await store.round(openedBy: meeting))
            #expect(stored.title == "Annual assessment 2019")
            #expect(stored.heldOn == "2019-10-11")
            let linked = try await admin.get(app, "/meetings/\(meeting)").body.string
            #expect(linked.contains("href=\"/assessments/\(stored.id)\""))
            #expect(!linked.contains("/assessments/new?meeting="))
            #expect(try await admin.get(app, "/assessments/\(stored.id)").body.string.contains("/meetings/\(meeting)"))

            // One round per meeting, and only an annual assessment meeting opens one: refused, said, not written.
            let rounds = try await app.count("assessment_rounds")
            let again = try await admin.post(app, "/assessments", round)
            #expect(again.status == .unprocessableEntity)
            #expect(again.body.string.contains("This meeting has already opened an assessment round."))
            fields[0] = ("kind", "working-group")
            fields[1] = ("title", "Justice working group")
            fields.append(("workingGroupID", String(try await justiceGroupID(app))))
            let group = try await admin.post(app, "/meetings", fields)
            let other = try #require(Int(group.headers.first(name: .location)?.split(separator: "/").last ?? ""))
            let wrong = try await admin.post(
                app, "/assessments",
                [("title", "A round"), ("state", "Mongolia"), ("heldOn", "2019-10-11"), ("meeting", String(other))])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.body.string.contains("Only an annual assessment meeting can open an assessment round."))
            #expect(try await app.count("assessment_rounds") == rounds)
            #expect(!(try await admin.get(app, "/meetings/\(other)").body.string.contains("/assessments/new?meeting=")))

            // The demo's 2016 meeting opened the 2016 round, which is public and names it to anyone.
            let demo = try #require(
                try await store.rounds(closedOnly: true).first { $0.title == "Annual assessment 2016" })
            let demoMeeting = try #require(demo.meetingID)
            let publicRound = try await Browser.anonymous.get(app, "/assessments/\(demo.id)").body.string
            #expect(publicRound.contains("href=\"/meetings/\(demoMeeting)\""))
            #expect(demo.heldOn == "2016-10-14")
        }
    }
}
