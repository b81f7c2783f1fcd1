import Foundation
import SQLKit
import Testing
import UPRApp
import UPRDomain
import UPRLocalization
import UPRMail
import UPRSecurity
import UPRStore
import UPRWeb
import VaporTesting

/// Webhooks (issue 17): events queue one delivery per hook that wants their kind, in their own transaction; the
/// sender signs each body, retries on the mail's schedule and gives up; two instances deliver each once; the
/// administrator's page. Every delivery goes to a local receiver.
@Suite struct WebhookTests {
    static let secret = "whsec_test-secret"

    func hook(_ app: Application, _ name: String, url: String, _ kinds: Set<NotificationStore.Kind>) async throws
        -> Int
    {
        try await WebhookStore(try app.sql()).create(
            name: name, url: url, kinds: kinds, secret: Self.secret, actor: "test")
    }

    func sender(_ app: Application, worker: String = "test-worker") -> WebhookDelivery {
        WebhookDelivery(
            client: app.client, site: app.site, timeoutSeconds: 5, worker: worker, logger: app.logger)
    }

    /// Runs `body` with a receiver that fails its first `failures` requests, and stops it.
    func withReceiver(failures: Int? = 0, _ body: (WebhookReceiver) async throws -> Void) async throws {
        let receiver = try await WebhookReceiver.start(failures: failures)
        do {
            try await body(receiver)
        } catch {
            try? await receiver.stop()
            throw error
        }
        try await receiver.stop()
    }

    func deliveries(_ app: Application, hook: Int) async throws -> [String] {
        try await app.sql().raw(
            "SELECT event_kind FROM webhook_deliveries WHERE webhook_id = \(bind: hook) ORDER BY id"
        ).all().map { try $0.decode(column: "event_kind", as: String.self) }
    }

    /// Each event reaches the hooks that asked for its kind, one delivery per hook; a members-only comment, a
    /// disabled hook and a rolled-back write produce none.
    @Test(arguments: TestDatabase.allCases)
    func eventsQueueADeliveryForEachHookThatWantsThem(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let sql = try app.sql()
            let fixture = try await IndicatorFixture.make(app)
            let recommendation = try await recommendationID(app, paragraph: "108.42")
            let plans = try await hook(app, "Planning tool", url: "https://plans.example/hook", [.planChanged])
            let everything = try await hook(
                app, "OHCHR", url: "https://ohchr.example/hook", Set(Webhook.eventKinds))
            let off = try await hook(app, "Old system", url: "https://old.example/hook", Set(Webhook.eventKinds))
            try await WebhookStore(sql).disable(off, actor: "test")
            let admin = try #require(try await AccountStore(sql).user(email: "admin@demo.upr")).id

            // MUT: a plan change, an accepted measurement, an assessment, a public and a members-only comment.
            try await PlanStore(sql).setStatus(fixture.entry, version: 2, status: .draft, actor: "test")
            let valid = try MeasurementInput(value: "11", date: "2018-12-31", unit: "")
                .validate(indicatorUnit: "decisions", dimensions: [], today: CalendarDay("2026-01-01")!).get()
            let measurement = try await MeasurementStore(sql).add(
                indicatorID: fixture.indicator, valid, evidence: nil, userID: nil, actor: "test")
            try await MeasurementStore(sql).review(
                measurement, version: 1, decision: .accepted, comment: "", userID: admin, actor: "test")
            let round = try #require(try await AssessmentStore(sql).rounds().first { $0.status == .open })
            let assessment = try await AssessmentStore(sql).save(
                round: round.id, recommendation: recommendation, organisationID: fixture.ministry,
                input: AssessmentInput(status: .partial, justification: "Bill drafted.", evidenceURL: ""), version: 0,
                userID: admin, actor: "test")
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            for visibility in ["public", "members"] {
                let posted = try await cso.post(
                    app, "/recommendations/\(recommendation)/comments",
                    [("body", "A \(visibility) remark on the law."), ("visibility", visibility)])
                #expect(posted.status == .seeOther, "\(posted.body.string)")
            }

            // validate
            #expect(try await deliveries(app, hook: plans) == ["plan-changed"])
            #expect(
                try await deliveries(app, hook: everything) == [
                    "plan-changed", "measurement-accepted", "assessment-recorded", "comment-posted",
                ])
            #expect(try await deliveries(app, hook: off).isEmpty)
            let rows = try await WebhookStore(sql).deliveries()
            let accepted = try #require(rows.first { $0.kind == .measurementAccepted })
            #expect(accepted.subjectKind == .measurement && accepted.subjectID == measurement)
            #expect(accepted.recommendationIDs.contains(recommendation))
            let assessed = try #require(rows.first { $0.kind == .assessmentRecorded })
            #expect(assessed.subjectKind == .assessment && assessed.subjectID == assessment)
            #expect(assessed.recommendationIDs == [recommendation])
            let changed = try #require(rows.first { $0.kind == .planChanged && $0.webhookID == plans })
            #expect(changed.subjectKind == .planEntry && changed.subjectID == fixture.entry)
            // The deliveries of one event to two hooks share its number.
            #expect(Set(rows.filter { $0.kind == .planChanged }.map(\.eventID)).count == 1)

            // A write that is rolled back leaves no delivery behind.
            let before = try await app.count("webhook_deliveries")
            await #expect(throws: TestSetupError.self) {
                try await app.db.writeTransaction { database in
                    try await PlanStore(try database.sqlDatabase()).setStatus(
                        fixture.entry, version: 3, status: .published, actor: "test")
                    throw TestSetupError("rolled back")
                }
            }
            #expect(try await app.count("webhook_deliveries") == before)
            #expect(try await PlanStore(sql).entry(id: fixture.entry)?.status == .draft)
        }
    }

    /// The receiver gets the committed event's body, signed over the timestamp and the body with the hook's secret,
    /// with the headers that name it.
    @Test(arguments: TestDatabase.allCases)
    func deliveriesAreSignedOverTheirTimestampAndBody(_ database: TestDatabase) async throws {
        try await withReceiver { receiver in
            try await withApp(database, demo: true) { app in
                let sql = try app.sql()
                let recommendation = try await recommendationID(app, paragraph: "108.42")
                _ = try await hook(app, "Receiver", url: receiver.url, [.responseChanged])
                let version = try await sql.raw(
                    "SELECT version FROM recommendations WHERE id = \(bind: recommendation)"
                )
                .first()!.decode(column: "version", as: Int.self)
                try await ResponseChange.record(
                    recommendationID: recommendation, version: version, response: .supported,
                    effectiveDate: "2017-01-01",
                    source: "Mid-term report", note: "", actor: "test", on: sql)
                let stored = try #require(try await WebhookStore(sql).deliveries().first)

                // MUT
                let report = try await sender(app).deliverDue(on: sql)

                // validate
                #expect(report == WebhookDelivery.Report(delivered: 1))
                let received = await receiver.received
                try #require(received.count == 1)
                let request = received[0]
                let signature = try #require(request.headers.first(name: "UPR-Signature"))
                #expect(WebhookSignature.verify(header: signature, body: request.body, secret: Self.secret))
                #expect(!WebhookSignature.verify(header: signature, body: request.body + " ", secret: Self.secret))
                #expect(!WebhookSignature.verify(header: signature, body: request.body, secret: "whsec_other"))
                let timestamp = try #require(request.headers.first(name: "UPR-Timestamp").flatMap(Int.init))
                #expect(signature.hasPrefix("t=\(timestamp),v1="))
                #expect(abs(Double(timestamp) - Date().timeIntervalSince1970) < 60)
                // A replay an hour later is refused by a receiver that checks the timestamp.
                #expect(
                    !WebhookSignature.verify(
                        header: signature, body: request.body, secret: Self.secret, now: Date().addingTimeInterval(3600)
                    ))
                #expect(request.headers.first(name: "UPR-Event") == "response-changed")
                #expect(request.headers.first(name: "UPR-Delivery") == String(stored.id))
                #expect(request.headers.contentType == .json)

                let body = try #require(
                    try JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
                #expect(body["id"] as? String == stored.eventID)
                #expect(body["delivery"] as? Int == stored.id)
                #expect(body["kind"] as? String == "response-changed")
                #expect(body["occurredAt"] as? String == stored.occurredAt)
                #expect(body["recommendationIDs"] as? [Int] == [recommendation])
                let subject = try #require(body["subject"] as? [String: Any])
                #expect(subject["kind"] as? String == "recommendation" && subject["id"] as? Int == recommendation)
                let links = try #require(body["links"] as? [String: Any])
                #expect(
                    links["recommendations"] as? [String] == [
                        "http://127.0.0.1:8080/api/v1/recommendations/\(recommendation)"
                    ]
                )
                #expect(links["page"] as? String == "http://127.0.0.1:8080/recommendations/\(recommendation)")
                #expect(request.body == (try WebhookPayload(stored, site: app.site).json()))
                // No text goes out: not the source, not the note.
                #expect(!request.body.contains("Mid-term report"))

                let delivered = try #require(try await WebhookStore(sql).delivery(id: stored.id))
                #expect(delivered.deliveredAt != nil && delivered.lastStatus == 204 && delivered.attempts == 1)
                #expect(try await sender(app).deliverDue(on: sql) == WebhookDelivery.Report())
                #expect(await receiver.received.count == 1)
            }
        }
    }

    /// A receiver that answers 500 is tried again after one minute, then two, and the delivery arrives; one that
    /// keeps failing is given up after the last attempt, shown among the failures, and can be sent again.
    @Test(arguments: TestDatabase.allCases)
    func failedDeliveriesAreRetriedWithBackOffAndThenGivenUp(_ database: TestDatabase) async throws {
        try await withReceiver(failures: 2) { receiver in
            try await withApp(database, demo: true) { app in
                let sql = try app.sql()
                let recommendation = try await recommendationID(app, paragraph: "108.42")
                _ = try await hook(app, "Flaky receiver", url: receiver.url, [.planChanged])
                let outbox = WebhookOutbox(sql)
                let id = try #require(
                    try await outbox.enqueue(
                        kind: .planChanged, recommendationIDs: [recommendation], subjectKind: .recommendation,
                        subjectID: recommendation
                    ).first)
                let now = Date()
                let delivery = sender(app)

                // MUT: first attempt fails, a look before the minute is up sends nothing, the second fails, the third
                // arrives.
                #expect(try await delivery.deliverDue(on: sql, now: now) == WebhookDelivery.Report(retrying: 1))
                var row = try #require(try await WebhookStore(sql).delivery(id: id))
                #expect(row.lastStatus == 500 && row.lastError?.contains("500") == true && row.attempts == 1)
                #expect(row.nextAttemptAt == Timestamp.string(now.addingTimeInterval(60)))
                #expect(
                    try await delivery.deliverDue(on: sql, now: now.addingTimeInterval(30)) == WebhookDelivery.Report())
                #expect(
                    try await delivery.deliverDue(on: sql, now: now.addingTimeInterval(61))
                        == WebhookDelivery.Report(retrying: 1))
                row = try #require(try await WebhookStore(sql).delivery(id: id))
                #expect(row.nextAttemptAt == Timestamp.string(now.addingTimeInterval(61 + 120)))
                #expect(
                    try await delivery.deliverDue(on: sql, now: now.addingTimeInterval(200))
                        == WebhookDelivery.Report(delivered: 1))
                row = try #require(try await WebhookStore(sql).delivery(id: id))
                #expect(row.deliveredAt != nil && row.attempts == 3 && row.lastStatus == 204 && row.lastError == nil)
                let bodies = await receiver.received.map(\.body)
                #expect(bodies.count == 3 && Set(bodies).count == 1, "every attempt sends the same body")

                // A receiver that never recovers: given up after the policy's last attempt.
                await receiver.fail(nil)
                let doomed = try #require(
                    try await outbox.enqueue(
                        kind: .planChanged, recommendationIDs: [recommendation], subjectKind: .recommendation,
                        subjectID: recommendation, now: now
                    ).first)
                var strict = delivery
                strict.policy.maximumAttempts = 3
                var moment = now
                var report = WebhookDelivery.Report()
                for _ in 0..<3 {
                    moment = moment.addingTimeInterval(3600)
                    let pass = try await strict.deliverDue(on: sql, now: moment)
                    report.retrying += pass.retrying
                    report.failed += pass.failed
                }
                #expect(report == WebhookDelivery.Report(retrying: 2, failed: 1))
                row = try #require(try await WebhookStore(sql).delivery(id: doomed))
                #expect(row.failedAt != nil && row.attempts == 3 && row.lastStatus == 500)
                #expect(try await strict.deliverDue(on: sql, now: moment.addingTimeInterval(86_400)) == .init())

                // The administrator sees the failure and sends it again once the receiver is fixed.
                let admin = try await Browser.signIn(app, email: "admin@demo.upr")
                let page = try await admin.get(app, "/admin/webhooks").body.string
                #expect(page.contains("Given up"))
                #expect(page.contains("HTTP 500"))
                #expect(page.contains("action=\"/admin/webhooks/deliveries/\(doomed)/retry\""))
                #expect(!page.contains("action=\"/admin/webhooks/deliveries/\(id)/retry\""), "a delivered one is not")
                #expect(
                    try await admin.post(app, "/admin/webhooks/deliveries/\(doomed)/retry", [], csrf: false).status
                        == .forbidden)
                let cso = try await Browser.signIn(app, email: "cso@demo.upr")
                #expect(try await cso.post(app, "/admin/webhooks/deliveries/\(doomed)/retry", []).status == .forbidden)
                let again = try await admin.post(app, "/admin/webhooks/deliveries/\(doomed)/retry", [])
                #expect(again.status == .seeOther)
                #expect(try await admin.post(app, "/admin/webhooks/deliveries/\(id)/retry", []).status != .seeOther)
                await receiver.fail(0)
                #expect(try await strict.deliverDue(on: sql) == WebhookDelivery.Report(delivered: 1))
                #expect(try await WebhookStore(sql).delivery(id: doomed)?.deliveredAt != nil)
            }
        }
    }

    /// Two instances on one database run their delivery passes at the same time: every delivery reaches the
    /// receiver exactly once.
    @Test(arguments: TestDatabase.allCases)
    func twoInstancesDeliverEachDeliveryOnce(_ database: TestDatabase) async throws {
        try await withReceiver { receiver in
            try await withApp(database, demo: true) { app in
                let recommendation = try await recommendationID(app, paragraph: "108.42")
                _ = try await hook(app, "One", url: receiver.url, [.commentPosted])
                _ = try await hook(app, "Two", url: receiver.url, [.commentPosted])
                let outbox = WebhookOutbox(try app.sql())
                for _ in 0..<15 {
                    try await outbox.enqueue(
                        kind: .commentPosted, recommendationIDs: [recommendation], subjectKind: .recommendation,
                        subjectID: recommendation)
                }
                #expect(try await app.count("webhook_deliveries") == 30)
                try await withSecondInstance(of: app) { second in
                    var first = sender(app, worker: "instance-1")
                    var other = sender(second, worker: "instance-2")
                    first.batchSize = 3
                    other.batchSize = 3
                    let (one, two) = (first, other)
                    // MUT
                    let firstSQL = try app.sql()
                    let secondSQL = try second.sql()
                    async let a = one.deliverDue(on: firstSQL)
                    async let b = two.deliverDue(on: secondSQL)
                    let (x, y) = try await (a, b)
                    #expect(x.delivered + y.delivered == 30)
                    #expect(x.retrying + y.retrying + x.failed + y.failed == 0)
                }
                let ids = await receiver.received.compactMap { $0.headers.first(name: "UPR-Delivery") }
                #expect(ids.count == 30)
                #expect(Set(ids).count == 30, "a delivery was received twice")
                #expect(try await app.count("webhook_deliveries", where: "WHERE delivered_at IS NOT NULL") == 30)
            }
        }
    }

    /// The sender `upr serve` runs: started with the server, it sends what waits at start and then looks again every
    /// `webhookPollSeconds`.
    @Test(arguments: TestDatabase.allCases)
    func theServerSendsDeliveriesAsTheyCome(_ database: TestDatabase) async throws {
        try await withReceiver { receiver in
            try await withApp(database, demo: true) { app in
                let recommendation = try await recommendationID(app, paragraph: "108.42")
                _ = try await hook(app, "Receiver", url: receiver.url, [.planChanged])
                let outbox = WebhookOutbox(try app.sql())
                func event() async throws {
                    try await outbox.enqueue(
                        kind: .planChanged, recommendationIDs: [recommendation], subjectKind: .recommendation,
                        subjectID: recommendation)
                }
                func received(_ count: Int) async throws -> Bool {
                    for _ in 0..<100 {
                        if await receiver.received.count >= count { return true }
                        try await Task.sleep(for: .milliseconds(100))
                    }
                    return false
                }
                try await event()
                app.settings.webhookPollSeconds = 1
                app.startWebhookDelivery()
                try await app.asyncBoot()
                #expect(try await received(1))
                try await event()
                #expect(try await received(2))
                #expect(await receiver.received.count == 2)
                // The sender marks a delivery delivered once the receiver's answer is back, a moment after the
                // receiver has counted it.
                var delivered = 0
                for _ in 0..<100 {
                    delivered = try await app.count("webhook_deliveries", where: "WHERE delivered_at IS NOT NULL")
                    if delivered == 2 { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                #expect(delivered == 2)
            }
        }
    }

    /// Only the secretariat registers, disables and deletes webhooks; the forms need the CSRF token; a bad address
    /// is refused at its field; the secret is shown once; each change is audited; the page reads in both languages.
    @Test(arguments: TestDatabase.allCases)
    func theAdministratorManagesWebhooks(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let cso = try await Browser.signIn(app, email: "cso@demo.upr")
            let focal = try await Browser.signIn(app, email: "focal@demo.upr")
            #expect(try await cso.get(app, "/admin/webhooks").status == .forbidden)
            #expect(try await focal.get(app, "/admin/webhooks").status == .forbidden)
            let anonymous = try await Browser.anonymous.get(app, "/admin/webhooks")
            #expect(anonymous.status == .seeOther)
            #expect(anonymous.headers.first(name: .location)?.hasPrefix("/login") == true)
            let page = try await admin.get(app, "/admin/webhooks")
            #expect(page.status == .ok)
            #expect(page.body.string.contains("Measurement accepted"))
            #expect(try await admin.get(app, "/admin").body.string.contains("href=\"/admin/webhooks\""))
            var mongolian = admin
            mongolian.cookie += "; upr_lang=mn"
            let translated = try await mongolian.get(app, "/admin/webhooks").body.string
            #expect(translated.contains("Вэбхүүкүүд") && translated.contains("Хэмжилт батлагдсан"))
            #expect(!translated.contains("webhook."), "a key without a Mongolian text")
            #expect(!page.body.string.contains("webhook."), "a key without an English text")

            let form = [
                ("name", "OHCHR tracking"), ("url", "https://ohchr.example/upr-hook"), ("kinds[]", "plan-changed"),
                ("kinds[]", "assessment-recorded"),
            ]
            #expect(try await admin.post(app, "/admin/webhooks", form, csrf: false).status == .forbidden)
            #expect(try await cso.post(app, "/admin/webhooks", form).status == .forbidden)
            #expect(try await app.count("webhooks") == 0)

            let made = try await admin.post(app, "/admin/webhooks", form)
            #expect(made.status == .ok)
            #expect(made.headers.first(name: .cacheControl)?.contains("no-store") == true)
            let html = made.body.string
            let range = try #require(html.range(of: #"whsec_[A-Za-z0-9_-]{43}"#, options: .regularExpression))
            let secret = String(html[range])
            let hook = try #require(try await WebhookStore(try app.sql()).hooks().first)
            #expect(hook.kinds == [.planChanged, .assessmentRecorded])
            #expect(hook.url == "https://ohchr.example/upr-hook" && hook.createdBy.hasPrefix("admin@demo.upr"))
            let stored = try await app.sql().raw("SELECT secret FROM webhooks").first()!
                .decode(column: "secret", as: String.self)
            #expect(stored == secret)
            let list = try await admin.get(app, "/admin/webhooks").body.string
            #expect(list.contains("OHCHR tracking") && list.contains("https://ohchr.example/upr-hook"))
            #expect(!list.contains(secret), "the secret is shown once only")

            for (url, why) in [
                ("ftp://files.example/hook", "not http"), ("javascript:alert(1)", "script"),
                ("https://user:pass@hooks.example/", "credentials"), ("/relative", "relative"),
            ] {
                let refused = try await admin.post(
                    app, "/admin/webhooks", [("name", "Bad"), ("url", url), ("kinds[]", "plan-changed")])
                #expect(refused.status == .unprocessableEntity, "\(why)")
                #expect(refused.body.string.contains("href=\"#f-url\""), "\(why)")
                #expect(refused.body.string.contains("Enter an address starting with http:// or https://"))
            }
            let noKinds = try await admin.post(
                app, "/admin/webhooks", [("name", "None"), ("url", "https://hooks.example/")])
            #expect(noKinds.status == .unprocessableEntity)
            #expect(noKinds.body.string.contains("Choose at least one event."))
            #expect(noKinds.body.string.contains("href=\"#f-kinds\""))
            #expect(try await app.count("webhooks") == 1)

            #expect(try await cso.post(app, "/admin/webhooks/\(hook.id)/disable", []).status == .forbidden)
            #expect(
                try await admin.post(app, "/admin/webhooks/\(hook.id)/disable", [], csrf: false).status == .forbidden)
            #expect(try await admin.post(app, "/admin/webhooks/424242/disable", []).status == .notFound)
            #expect(try await admin.post(app, "/admin/webhooks/\(hook.id)/disable", []).status == .seeOther)
            #expect(try await WebhookStore(try app.sql()).hook(id: hook.id)?.disabledAt != nil)
            #expect(try await admin.get(app, "/admin/webhooks").body.string.contains("Disabled"))
            #expect(try await cso.post(app, "/admin/webhooks/\(hook.id)/delete", []).status == .forbidden)
            #expect(try await admin.post(app, "/admin/webhooks/\(hook.id)/delete", []).status == .seeOther)
            #expect(try await app.count("webhooks") == 0)

            let audit = try await app.sql().raw(
                "SELECT actor, action, details FROM audit_log WHERE entity = 'webhook' ORDER BY id"
            ).all()
            #expect(
                try audit.map { try $0.decode(column: "action", as: String.self) } == ["create", "disable", "delete"])
            #expect(
                try audit.allSatisfy { try $0.decode(column: "actor", as: String.self).hasPrefix("admin@demo.upr") })
            #expect(
                try audit.allSatisfy { try !($0.decode(column: "details", as: String?.self) ?? "").contains(secret) })
        }
    }
}
