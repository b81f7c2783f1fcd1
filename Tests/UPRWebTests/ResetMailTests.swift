import Foundation
import SMTPSink
import Testing
import UPRApp
import UPRDemo
import UPRMail
import UPRStore
import UPRWeb
import VaporTesting

/// Password-reset links reach the person by mail when SMTP is configured, in their language when it is known.
@Suite struct ResetMailTests {
    /// The link in a page's `<code>` element.
    func shownLink(_ html: String) throws -> String {
        let match = try #require(html.firstMatch(of: /<code>(https?:\/\/[^<]+)<\/code>/))
        return String(match.1)
    }

    @Test(arguments: TestDatabase.allCases)
    func theAdministratorsResetIsMailedInBothLanguages(_ database: TestDatabase) async throws {
        let sink = try await SMTPSink.start()
        try await withApp(database, demo: true, smtp: sink.settings) { app in
            let sql = try app.sql()
            let focal = try #require(try await AccountStore(sql).user(email: "focal@demo.upr"))
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let page = try await admin.post(app, "/admin/users/\(focal.id)/reset", [])
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("A mail with the link is on its way to focal@demo.upr."))
            let link = try shownLink(html)

            let report = try await MailDelivery(smtp: sink.settings, logger: app.logger).deliverDue(on: sql)
            #expect(report.sent == 1)
            let mail = try #require(try await sink.waitForMail(count: 1).first)
            #expect(mail.recipients == ["focal@demo.upr"])
            #expect(mail.mailFrom == "upr@test.upr")
            #expect(mail.header("From") == "\"UPR Tracker\" <upr@test.upr>")
            // The person's language is not known yet: English, then Mongolian.
            #expect(mail.subject == "Reset your UPR Tracker password / UPR зөвлөмжийн хяналт: нууц үгээ сэргээх")
            let text = mail.text
            #expect(text.contains("Hello \(focal.name),"))
            #expect(text.contains("Сайн байна уу, \(focal.name)."))
            #expect(text.components(separatedBy: link).count == 3)
            #expect(text.range(of: "Hello")!.lowerBound < text.range(of: "Сайн байна уу")!.lowerBound)

            // The mailed link is the one that works, once.
            let path = try #require(URL(string: link)?.path)
            #expect(try await Browser.anonymous.get(app, path).status == .ok)
            // Once sent, the outbox no longer holds the secret.
            let row = try #require(try await MailOutbox(sql).recent(limit: 1).first)
            #expect(row.kind == "password-reset" && row.sentAt != nil && row.body == "")
            let audit = try await sql.raw(
                "SELECT summary FROM audit_log WHERE action = 'reset-link' AND entity_id = \(bind: String(focal.id))"
            ).all().map { try $0.decode(column: "summary", as: String.self) }
            #expect(audit == ["Password reset link issued and mailed"])
        }
        await sink.shutdown()
    }

    /// Signing in remembers the language; the next mail is in it alone.
    @Test(arguments: TestDatabase.allCases)
    func theMailSpeaksThePersonsLanguage(_ database: TestDatabase) async throws {
        let sink = try await SMTPSink.start()
        try await withApp(database, demo: true, smtp: sink.settings) { app in
            let sql = try app.sql()
            var mongolian = Browser.anonymous
            mongolian.cookie += "; upr_lang=mn"
            let login = try await mongolian.post(
                app, "/login", [("email", "cso@demo.upr"), ("password", DemoData.password)])
            #expect(login.status == .seeOther)
            let cso = try #require(try await AccountStore(sql).user(email: "cso@demo.upr"))
            #expect(cso.language == "mn")

            let issued = try await PasswordReset.issue(userID: cso.id, settings: app.site, on: sql)
            _ = try await MailDelivery(smtp: sink.settings, logger: app.logger).deliverDue(on: sql)
            let mail = try #require(try await sink.waitForMail(count: 1).first)
            #expect(mail.subject == "UPR зөвлөмжийн хяналт: нууц үгээ сэргээх")
            #expect(mail.text.hasPrefix("Сайн байна уу, \(cso.name)."))
            #expect(!mail.text.contains("Hello"))
            #expect(mail.text.contains(issued.link))
            #expect(mail.header("Content-Transfer-Encoding") == "base64")
        }
        await sink.shutdown()
    }

    /// Without SMTP the link is only shown, and nothing waits in the outbox.
    @Test(arguments: TestDatabase.allCases)
    func withoutSMTPTheLinkIsOnlyShown(_ database: TestDatabase) async throws {
        try await withApp(database, demo: true) { app in
            let focal = try #require(try await AccountStore(try app.sql()).user(email: "focal@demo.upr"))
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            let page = try await admin.post(app, "/admin/users/\(focal.id)/reset", [])
            #expect(page.status == .ok)
            #expect(!page.body.string.contains("on its way"))
            _ = try shownLink(page.body.string)
            #expect(try await app.count("mail_outbox") == 0)
        }
    }
}

/// The sender `upr serve` runs: started with the server, woken by a new mail, stopped with the server.
@Suite struct MailDeliveryLoopTests {
    @Test(arguments: TestDatabase.allCases)
    func theServerMailsAResetAtOnce(_ database: TestDatabase) async throws {
        let sink = try await SMTPSink.start()
        try await withApp(database, demo: true, smtp: sink.settings) { app in
            // A mail queued before the start (by `upr user reset`, say) goes out when the server starts.
            let sql = try app.sql()
            let observer = try #require(try await AccountStore(sql).user(email: "observer@demo.upr"))
            _ = try await PasswordReset.issue(userID: observer.id, settings: app.site, on: sql)
            app.startMailDelivery()
            try await app.asyncBoot()
            #expect(try await sink.waitForMail(count: 1).map(\.recipients) == [["observer@demo.upr"]])

            let focal = try #require(try await AccountStore(sql).user(email: "focal@demo.upr"))
            let admin = try await Browser.signIn(app, email: "admin@demo.upr")
            _ = try await admin.post(app, "/admin/users/\(focal.id)/reset", [])
            let mails = try await sink.waitForMail(count: 2, timeout: .seconds(5))
            #expect(mails.map(\.recipients) == [["observer@demo.upr"], ["focal@demo.upr"]])
        }
        await sink.shutdown()
    }
}
