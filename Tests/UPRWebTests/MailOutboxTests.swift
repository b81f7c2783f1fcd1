import Foundation
import SMTPSink
import Testing
import UPRApp
import UPRMail
import UPRStore
import UPRWeb
import VaporTesting

extension SMTPSink {
    /// Settings that send to this sink in the clear.
    var settings: SMTPSettings {
        var settings = SMTPSettings(
            host: "127.0.0.1", port: port, security: .none,
            from: MailAddress(address: "upr@test.upr", name: "UPR Tracker"), heloName: "upr.test")
        // Generous: the whole suite runs in parallel on two cores, and no test here waits for a timeout.
        settings.replyTimeoutSeconds = 60
        return settings
    }
}

/// Queues `count` mails as a feature would.
@discardableResult
func enqueueMails(_ app: Application, count: Int, sensitive: Bool = false, expiresAt: Date? = nil) async throws
    -> [Int]
{
    var ids: [Int] = []
    for index in 1...count {
        ids.append(
            try await MailOutbox(try app.sql()).enqueue(
                kind: "test", recipientAddress: "person\(index)@test.upr", recipientName: "Person \(index)",
                subject: "Уулзалтын сануулга \(index)", body: "Mail number \(index).\nДугаар \(index).",
                messageID: MailMessage.makeMessageID(domain: "test.upr"), sensitive: sensitive, expiresAt: expiresAt))
    }
    return ids
}

/// The outbox: durable, claimed atomically so that several server instances on one database send each mail once,
/// retried with backoff, every error kept.
@Suite struct MailOutboxTests {
    /// Two instances claim from the same queue as fast as they can: every row is claimed, none twice.
    @Test(arguments: TestDatabase.allCases)
    func concurrentClaimsNeverOverlap(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let ids = try await enqueueMails(app, count: 120)
            try await withSecondInstance(of: app) { other in
                func drain(_ instance: Application, _ worker: String) async throws -> [Int] {
                    var claimed: [Int] = []
                    while true {
                        let batch = try await MailOutbox(try instance.sql()).claim(worker: worker, limit: 7, lease: 600)
                        if batch.isEmpty { return claimed }
                        #expect(batch.allSatisfy { $0.claimedBy == worker && $0.attempts == 1 })
                        claimed += batch.map(\.id)
                    }
                }
                async let first = drain(app, "instance-a")
                async let second = drain(other, "instance-b")
                let (a, b) = try await (first, second)
                #expect(Set(a).isDisjoint(with: b))
                #expect((a + b).sorted() == ids.sorted())
                #expect(a.count + b.count == ids.count)
            }
        }
    }

    /// Two instances deliver the same queue at the same time to one mail server: each mail arrives exactly once.
    @Test(arguments: TestDatabase.allCases)
    func twoSendersDeliverEachMailOnce(_ database: TestDatabase) async throws {
        var behaviour = SMTPSink.Behaviour()
        behaviour.acceptDelay = .milliseconds(5)
        let sink = try await SMTPSink.start(behaviour)
        try await withApp(database) { app in
            let ids = try await enqueueMails(app, count: 30)
            try await withSecondInstance(of: app) { other in
                var a = MailDelivery(smtp: sink.settings, worker: "instance-a", logger: app.logger)
                var b = MailDelivery(smtp: sink.settings, worker: "instance-b", logger: other.logger)
                a.batchSize = 3
                b.batchSize = 3
                async let first = a.deliverDue(on: try app.sql())
                async let second = b.deliverDue(on: try other.sql())
                let (reportA, reportB) = try await (first, second)
                #expect(reportA.sent + reportB.sent == 30)
                #expect(reportA.retrying + reportB.retrying + reportA.failed + reportB.failed == 0)
            }
            let received = try await sink.waitForMail(count: 30)
            let recipients = received.flatMap(\.recipients)
            #expect(recipients.count == 30)
            #expect(Set(recipients).count == 30)
            let outbox = MailOutbox(try app.sql())
            for id in ids {
                let mail = try #require(try await outbox.mail(id: id))
                #expect(mail.sentAt != nil && mail.attempts == 1 && mail.claimedBy == nil)
            }
            // Nothing is left to send: another run sends nothing.
            let again = try await MailDelivery(smtp: sink.settings, logger: app.logger).deliverDue(on: app.sql())
            #expect(again == MailDelivery.Report())
            #expect(sink.received.count == 30)
        }
        await sink.shutdown()
    }

    /// A mail claimed by an instance that then died is taken over once its lease has run out, and the dead
    /// instance can no longer record anything on it.
    @Test(arguments: TestDatabase.allCases)
    func anExpiredClaimIsTakenOver(_ database: TestDatabase) async throws {
        try await withApp(database) { app in
            let outbox = MailOutbox(try app.sql())
            let id = try #require(try await enqueueMails(app, count: 1).first)
            let now = Date()
            #expect(try await outbox.claim(worker: "dead", limit: 5, lease: 60, now: now).map(\.id) == [id])
            #expect(
                try await outbox.claim(worker: "alive", limit: 5, lease: 60, now: now.addingTimeInterval(30)).isEmpty)
            let taken = try await outbox.claim(worker: "alive", limit: 5, lease: 60, now: now.addingTimeInterval(61))
            #expect(taken.map(\.attempts) == [2])
            #expect(try await outbox.markSent(id, worker: "dead") == false)
            #expect(try await outbox.markSent(id, worker: "alive") == true)
        }
    }

    /// A refused attempt is recorded with the server's words and tried again later, with a growing delay; a mail
    /// the server refuses outright, or that fails too often, is given up and its secret text removed.
    @Test(arguments: TestDatabase.allCases)
    func failuresAreRetriedAndRecorded(_ database: TestDatabase) async throws {
        var behaviour = SMTPSink.Behaviour()
        behaviour.temporaryFailures = 3
        behaviour.unknownRecipients = ["person2@test.upr"]
        let sink = try await SMTPSink.start(behaviour)
        try await withApp(database) { app in
            let sql = try app.sql()
            let outbox = MailOutbox(sql)
            let ids = try await enqueueMails(app, count: 2, sensitive: true)
            var delivery = MailDelivery(smtp: sink.settings, worker: "w", logger: app.logger)
            delivery.policy.maximumAttempts = 3
            let start = Date()

            // Attempt 1: the first RCPT gets 451 (retry in 1 minute); the second recipient is unknown (550, given up).
            let first = try await delivery.deliverDue(on: sql, now: start)
            #expect(first == MailDelivery.Report(sent: 0, retrying: 1, failed: 1, expired: 0))
            let waiting = try #require(try await outbox.mail(id: ids[0]))
            #expect(waiting.lastError?.contains("451: 4.3.0") == true)
            #expect(waiting.lastError?.contains("RCPT TO") == true)
            #expect(waiting.nextAttemptAt == Timestamp.string(start.addingTimeInterval(60)))
            #expect(waiting.sentAt == nil && waiting.failedAt == nil && waiting.body.hasPrefix("Mail number 1"))
            let refused = try #require(try await outbox.mail(id: ids[1]))
            #expect(refused.failedAt != nil)
            #expect(refused.lastError == "The mail server refused RCPT TO with 550: 5.1.1 No such user here")
            #expect(refused.body == "")

            // Not due yet a moment later; due after a minute, refused again, next wait two minutes.
            #expect(try await delivery.deliverDue(on: sql, now: start.addingTimeInterval(30)) == MailDelivery.Report())
            let second = try await delivery.deliverDue(on: sql, now: start.addingTimeInterval(61))
            #expect(second.retrying == 1)
            #expect(
                try await outbox.mail(id: ids[0])?.nextAttemptAt == Timestamp.string(start.addingTimeInterval(61 + 120))
            )

            // The third refusal reaches the limit of three attempts: given up, the error kept, the text removed.
            let third = try await delivery.deliverDue(on: sql, now: start.addingTimeInterval(200))
            #expect(third.failed == 1)
            let given = try #require(try await outbox.mail(id: ids[0]))
            #expect(given.attempts == 3 && given.failedAt != nil && given.body == "")
            #expect(given.lastError?.contains("451") == true)
            #expect(sink.received.isEmpty)
            let counts = try await outbox.counts()
            #expect(counts.waiting == 0 && counts.sent == 0 && counts.failed == 2)
        }
        await sink.shutdown()
    }

    /// With the mail server down nothing is lost: the mail waits and goes out once the server is back.
    @Test(arguments: TestDatabase.allCases)
    func aServerThatIsDownDelaysTheMail(_ database: TestDatabase) async throws {
        let down = try await SMTPSink.start()
        let unreachable = down.settings
        await down.shutdown()
        try await withApp(database) { app in
            let sql = try app.sql()
            let id = try #require(try await enqueueMails(app, count: 1).first)
            let start = Date()
            let failed = try await MailDelivery(smtp: unreachable, logger: app.logger).deliverDue(on: sql, now: start)
            #expect(failed.retrying == 1)
            let mail = try #require(try await MailOutbox(sql).mail(id: id))
            #expect(mail.lastError?.hasPrefix("Could not talk to the mail server") == true)

            let sink = try await SMTPSink.start()
            let sent = try await MailDelivery(smtp: sink.settings, logger: app.logger).deliverDue(
                on: sql, now: start.addingTimeInterval(61))
            #expect(sent.sent == 1)
            let received = try #require(try await sink.waitForMail(count: 1).first)
            #expect(received.subject == "Уулзалтын сануулга 1")
            #expect(received.header("Message-ID") == mail.messageID)
            #expect(try await MailOutbox(sql).mail(id: id)?.lastError == nil)
            await sink.shutdown()
        }
    }

    /// A mail past its use-by time (a reset link that has expired) is given up, not sent.
    @Test(arguments: TestDatabase.allCases)
    func expiredMailIsNotSent(_ database: TestDatabase) async throws {
        let sink = try await SMTPSink.start()
        try await withApp(database) { app in
            let id = try #require(
                try await enqueueMails(app, count: 1, sensitive: true, expiresAt: Date().addingTimeInterval(3600)).first
            )
            let report = try await MailDelivery(smtp: sink.settings, logger: app.logger).deliverDue(
                on: app.sql(), now: Date().addingTimeInterval(3601))
            #expect(report == MailDelivery.Report(sent: 0, retrying: 0, failed: 0, expired: 1))
            let mail = try #require(try await MailOutbox(try app.sql()).mail(id: id))
            #expect(mail.failedAt != nil && mail.body == "" && mail.lastError == "expired before it could be sent")
        }
        #expect(sink.received.isEmpty)
        await sink.shutdown()
    }
}
