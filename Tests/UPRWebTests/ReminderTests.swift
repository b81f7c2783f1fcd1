import Foundation
import SMTPSink
import Testing
import UPRApp
import UPRDomain
import UPRMail
import UPRStore
import UPRWeb
import VaporTesting

/// Reminders and digests: each goes out once however many server instances run the pass at the same time.
@Suite struct ReminderTests {
    /// A mail server setting that makes the passes queue mail (these tests deliver nothing).
    static let queueingSMTP = SMTPSettings(
        host: "127.0.0.1", port: 9, security: .none, from: MailAddress(address: "upr@test.upr", name: "UPR Tracker"),
        heloName: "upr.test")

    /// An action item of a new meeting owned by the Ministry of Justice's focal point, due on `due`.
    func actionItem(_ app: Application, due: CalendarDay, title: String) async throws -> Int {
        let sql = try app.sql()
        let meetings = MeetingStore(sql)
        var fields = MeetingFields()
        fields.title = "Reminder test meeting"
        fields.workingGroupID = try await justiceGroupID(app)
        fields.startsLocal = "2026-12-01T10:00"
        fields.endsLocal = "2026-12-01T12:00"
        let meeting = try await meetings.create(fields, userID: nil, actor: "test")
        var action = ActionItemFields()
        action.title = title
        action.ownerUserID = try #require(try await AccountStore(sql).user(email: "focal@demo.upr")).id
        action.dueDate = due.description
        return try await meetings.addActionItem(meeting, version: 1, action, actor: "test")
    }

    /// No notice twice: (recipient, kind, subject, text) is unique among the reminders, and every claim has its
    /// notice and its mail.
    func expectEachReminderOnce(_ app: Application) async throws {
        let reminderKinds = "('action-due', 'measurement-due', 'mid-term-due')"
        let duplicates = try await app.sql().raw(
            """
            SELECT COUNT(*) AS n FROM (SELECT recipient_user_id FROM notifications
            WHERE kind IN \(unsafeRaw: reminderKinds)
            GROUP BY recipient_user_id, kind, subject_id, text_key HAVING COUNT(*) > 1) d
            """
        ).first()!.decode(column: "n", as: Int.self)
        #expect(duplicates == 0)
        let claims = try await app.count("reminders_sent", where: "WHERE kind <> 'digest'")
        #expect(claims > 0)
        #expect(try await app.count("notifications", where: "WHERE kind IN \(reminderKinds)") == claims)
        #expect(try await app.count("mail_outbox", where: "WHERE kind = 'reminder'") == claims)
    }

    /// Two instances on one database run the pass at the same time, three times over, on two days: every reminder
    /// (action items due soon and overdue, the late measurement of an indicator, the mid-term report of
    /// Mongolia's second review to the secretariat) exists once, as a notice and a mail.
    @Test(arguments: TestDatabase.allCases)
    func twoInstancesRemindOnce(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            var queueing = app.settings
            queueing.smtp = Self.queueingSMTP
            let settings = queueing
            // Mongolia was reviewed on 5 May 2015: its mid-term report is due on 5 November 2017, 61 days after this.
            let today = CalendarDay("2017-09-05")!
            let soon = try await actionItem(app, due: today.adding(days: 3), title: "Send the draft to the committee")
            let late = try await actionItem(app, due: today.adding(days: -1), title: "Collect the ministries' answers")
            // A plan entry makes Mongolia a followed state; its indicator, collected yearly from a mid-2016 baseline,
            // is late.
            let fixture = try await IndicatorFixture.make(app)
            try await app.sql().raw(
                """
                UPDATE indicators SET frequency = 'Yearly', baseline_date = '2016-06-30' WHERE id = \(bind: fixture.indicator)
                """
            ).run()
            try await withSecondInstance(of: app) { other in
                for round in 1...3 {
                    for day in [today, today.adding(days: 1)] {
                        async let first = ReminderPass.run(on: app.db, today: day, settings: settings)
                        async let second = ReminderPass.run(on: other.db, today: day, settings: settings)
                        let (a, b) = try await (first, second)
                        if round > 1 { #expect(a.notices + b.notices == 0, "round \(round) sent again") }
                        #expect(a.mails == a.notices && b.mails == b.notices)
                    }
                }
            }
            try await expectEachReminderOnce(app)
            let focal = try #require(try await AccountStore(try app.sql()).user(email: "focal@demo.upr")).id
            let notices = try await NotificationStore(try app.sql()).inbox(userID: focal, limit: 1000)
            #expect(notices.filter { $0.subjectID == soon && $0.textKey == "notification.actionDue.soon" }.count == 1)
            #expect(
                notices.filter { $0.subjectID == late && $0.textKey == "notification.actionDue.overdue" }.count == 1)
            // On the next day the soon item is still "soon": the same stage is not repeated.
            #expect(notices.filter { $0.subjectID == soon && $0.kind == "action-due" }.count == 1)
            let admins = try await app.count("users", where: "WHERE role = 'administrator' AND active = 1")
            #expect(admins > 0)
            #expect(
                try await app.count(
                    "notifications", where: "WHERE kind = 'mid-term-due' AND text_key = 'notification.midTerm.90-days'")
                    == admins)
            #expect(
                try await app.count(
                    "notifications",
                    where:
                        "WHERE kind = 'measurement-due' AND subject_id = \(fixture.indicator) AND text_key LIKE '%.overdue'"
                )
                    == (try await app.count(
                        "users", where: "WHERE organisation_id = \(fixture.ministry) AND active = 1")))
            let mail = try #require(
                try await MailOutbox(try app.sql()).recent(limit: 500).first {
                    $0.kind == "reminder" && $0.body.contains("Collect the ministries' answers")
                })
            #expect(mail.subject.hasPrefix("UPR Tracker reminder: Overdue: Collect the ministries' answers"))
            #expect(mail.body.contains("http://127.0.0.1:8080/action-items#action-\(late)"))

            // On the due day the soon item reminds again, once, as "today"; a closed item no more.
            try await ActionItemStore(try app.sql()).setStatus(late, version: 1, status: .done, actor: "test")
            let dueDay = try await ReminderPass.run(on: app.db, today: today.adding(days: 3), settings: settings)
            let after = try await NotificationStore(try app.sql()).inbox(userID: focal, limit: 1000)
            #expect(after.filter { $0.subjectID == soon && $0.textKey == "notification.actionDue.today" }.count == 1)
            #expect(after.filter { $0.subjectID == late && $0.kind == "action-due" }.count == 1)
            #expect(dueDay.notices >= 1)
            try await expectEachReminderOnce(app)
        }
    }

    /// Without a mail server the reminders are notices only.
    @Test(arguments: TestDatabase.allCases)
    func withoutMailOnlyNotices(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let today = CalendarDay("2017-09-05")!
            _ = try await actionItem(app, due: today, title: "Today's task")
            let report = try await ReminderPass.run(on: app.db, today: today, settings: app.settings)
            #expect(report.notices > 0 && report.mails == 0)
            #expect(try await app.count("mail_outbox") == 0)
            #expect(try await DigestPass.run(on: app.db, today: today, settings: app.settings) == 0)
        }
    }

    /// A daily reader's digest: one mail, received by the SMTP server, listing their notices grouped with links;
    /// nothing more that day even with two instances running the pass at once; the next day only what is new; a
    /// weekly reader who reads Mongolian gets it in Mongolian.
    @Test(arguments: TestDatabase.allCases)
    func digestsArriveOncePerPeriod(_ database: TestDatabase) async throws {
        let sink = try await SMTPSink.start()
        try await withApp(database, demo: true, smtp: sink.settings) { app in
            let sql = try app.sql()
            let accounts = AccountStore(sql)
            let observer = try #require(try await accounts.user(email: "observer@demo.upr")).id
            let focal = try #require(try await accounts.user(email: "focal@demo.upr")).id
            let browser = try await Browser.signIn(app, email: "observer@demo.upr")
            #expect(try await browser.post(app, "/account/digest", [("digest", "daily")]).status == .seeOther)
            try await sql.raw("UPDATE users SET language = 'en' WHERE id = \(bind: observer)").run()
            try await sql.raw("UPDATE users SET language = 'mn', digest = 'weekly' WHERE id = \(bind: focal)").run()
            // Start from an empty inbox, so the digest lists exactly these.
            try await sql.raw("DELETE FROM notifications").run()
            let notices = NotificationStore(sql)
            for person in [observer, focal] {
                try await notices.notify(
                    recipients: [person], kind: .planChanged, subjectKind: .planEntry, subjectID: 7,
                    textKey: "notification.planEdited", arguments: ["recommendation": "Mongolia 108.42"])
                try await notices.notify(
                    recipients: [person], kind: .responseChanged, subjectKind: .recommendation, subjectID: 42,
                    textKey: "notification.responseChanged", arguments: ["recommendation": "Mongolia 108.7"])
                try await notices.notify(
                    recipients: [person], kind: .planChanged, subjectKind: .planEntry, subjectID: 8,
                    textKey: "notification.planPublished", arguments: ["recommendation": "Mongolia 108.9"])
            }
            let today = CalendarDay("2026-11-26")!  // a Thursday
            try await withSecondInstance(of: app) { other in
                async let first = DigestPass.run(on: app.db, today: today, settings: app.settings)
                async let second = DigestPass.run(on: other.db, today: today, settings: other.settings)
                let (a, b) = try await (first, second)
                #expect(a + b == 2)
            }
            let delivery = MailDelivery(smtp: sink.settings, logger: app.logger)
            #expect(try await delivery.deliverDue(on: sql).sent == 2)
            let mails = try await sink.waitForMail(count: 2)
            let english = try #require(mails.first { $0.recipients == ["observer@demo.upr"] })
            #expect(english.subject == "Your UPR Tracker notices of the day")
            let text = english.text
            #expect(text.contains("3 new notices since your last digest"))
            #expect(
                text.contains(
                    "Plan entries\n- Plan entry edited for Mongolia 108.42\n  http://127.0.0.1:8080/plan/entries/7"))
            #expect(text.contains("- Plan entry published for Mongolia 108.9\n  http://127.0.0.1:8080/plan/entries/8"))
            #expect(text.contains("Responses\n- The state's response to Mongolia 108.7 changed"))
            #expect(text.contains("http://127.0.0.1:8080/recommendations/42"))
            let mongolian = try #require(mails.first { $0.recipients == ["focal@demo.upr"] })
            #expect(mongolian.subject == "UPR зөвлөмжийн хяналт: долоо хоногийн мэдэгдлүүд")
            #expect(
                mongolian.text.contains(
                    "Төлөвлөгөөний мөрүүд\n- Mongolia 108.42 зөвлөмжийн төлөвлөгөөний мөрийг засварлалаа"))

            // Again the same day, with something new: nothing (one digest a day).
            try await notices.notify(
                recipients: [observer, focal], kind: .assessmentRecorded, subjectKind: .recommendation,
                subjectID: 42, textKey: "notification.assessmentRecorded",
                arguments: ["recommendation": "Mongolia 108.7", "organisation": "NHRC"])
            #expect(try await DigestPass.run(on: app.db, today: today, settings: app.settings) == 0)
            #expect(try await delivery.deliverDue(on: sql).sent == 0)
            // The next day: the daily reader gets only what is new; the weekly reader waits for Monday.
            #expect(try await DigestPass.run(on: app.db, today: today.adding(days: 1), settings: app.settings) == 1)
            #expect(try await DigestPass.run(on: app.db, today: today.adding(days: 3), settings: app.settings) == 0)
            // Monday: a new week for the weekly reader, nothing new for the daily one.
            #expect(try await DigestPass.run(on: app.db, today: today.adding(days: 4), settings: app.settings) == 1)
            #expect(try await delivery.deliverDue(on: sql).sent == 2)
            let later = try await sink.waitForMail(count: 4)
            let next = try #require(later.dropFirst(2).first { $0.recipients == ["observer@demo.upr"] })
            #expect(next.text.contains("1 new notice since your last digest"))
            #expect(next.text.contains("Assessments\n- NHRC assessed Mongolia 108.7"))
            #expect(!next.text.contains("108.42"))
            let weekly = try #require(later.dropFirst(2).first { $0.recipients == ["focal@demo.upr"] })
            #expect(weekly.text.contains("NHRC"))
            #expect(!weekly.text.contains("108.42"))
            // Nobody else got a digest: the other accounts chose none.
            #expect(Set(later.flatMap(\.recipients)) == ["observer@demo.upr", "focal@demo.upr"])
        }
        await sink.shutdown()
    }
}
